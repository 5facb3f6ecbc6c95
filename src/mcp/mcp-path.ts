/** Where the MCP endpoint answers: a module of its own, so the CORS plugin can read it without loading the MCP server. */
export const MCP_PATH = '/mcp'
