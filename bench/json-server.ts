import jsonServer from 'json-server'

// The other baseline: json-server 0.17 serving the same facts from a JSON file, as a team
// without this API would. Started with the file and the port as arguments.
const server = jsonServer.create()
server.use(jsonServer.defaults({ logger: false }))
server.use(jsonServer.router(process.argv[2]!))
server.listen(Number(process.argv[3]), '127.0.0.1')
