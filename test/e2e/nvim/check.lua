-- Neovim (0.7+) as a plain LSP client of the cable language server: start it with --stdio, open the seed
-- cable and a faulty one, ask for symbols and a hover, and collect the pushed diagnostics. Results go to a
-- JSON file that test/e2e/neovim.test.ts asserts on; this script only records what the editor received.
-- Run: CABLE_SERVER=dist/server.js CABLE_SEED=... CABLE_BAD=... CABLE_OUT=... \
--      nvim --headless -u NONE -i NONE -n -c 'luafile test/e2e/nvim/check.lua'
local server = assert(os.getenv('CABLE_SERVER'), 'CABLE_SERVER not set')
local seed_path = assert(os.getenv('CABLE_SEED'), 'CABLE_SEED not set')
local bad_path = assert(os.getenv('CABLE_BAD'), 'CABLE_BAD not set')
local out_path = assert(os.getenv('CABLE_OUT'), 'CABLE_OUT not set')
local node = os.getenv('CABLE_NODE') or 'node'
-- A folder of cables that cite one another (optional): the workspace root, and what references are asked in.
local archive = os.getenv('CABLE_ARCHIVE')
local cited_path = os.getenv('CABLE_CITED')
local timeout = 20000

local result = { errors = {}, published = {} }

local function finish()
  local f = assert(io.open(out_path, 'w'))
  f:write(vim.fn.json_encode(result))
  f:close()
  vim.cmd('qall!')
end

local ok, err = pcall(function()
  local initialized = false
  local client_id = vim.lsp.start_client({
    name = 'cable',
    cmd = { node, server, '--stdio' },
    root_dir = archive or vim.fn.fnamemodify(seed_path, ':h'),
    on_init = function(client, init_result)
      result.serverInfo = init_result.serverInfo
      initialized = true
    end,
    handlers = {
      -- Record the raw notification as well, so the test can tell "not sent" from "not shown".
      ['textDocument/publishDiagnostics'] = function(e, params, ctx, config)
        result.published[params.uri] = params.diagnostics
        return vim.lsp.diagnostic.on_publish_diagnostics(e, params, ctx, config)
      end,
    },
  })
  assert(client_id, 'start_client failed')
  result.started = vim.wait(timeout, function() return initialized end, 20)

  vim.cmd('edit ' .. vim.fn.fnameescape(seed_path))
  local seed = vim.api.nvim_get_current_buf()
  vim.lsp.buf_attach_client(seed, client_id)
  local seed_uri = vim.uri_from_bufnr(seed)
  result.seedUri = seed_uri

  local params = { textDocument = { uri = seed_uri } }
  local symbols = vim.lsp.buf_request_sync(seed, 'textDocument/documentSymbol', params, timeout)
  result.symbols = symbols and symbols[client_id] and symbols[client_id].result or vim.NIL

  -- Position of PREL on the TAGS line (0-based; the cable is ASCII, so bytes = UTF-16 units).
  for i, line in ipairs(vim.api.nvim_buf_get_lines(seed, 0, -1, false)) do
    if line:sub(1, 5) == 'TAGS:' then
      local col = line:find('PREL', 1, true)
      if col then
        local pos = { line = i - 1, character = col }
        local hover = vim.lsp.buf_request_sync(seed, 'textDocument/hover',
          { textDocument = { uri = seed_uri }, position = pos }, timeout)
        result.hover = hover and hover[client_id] and hover[client_id].result or vim.NIL
      end
      break
    end
  end

  vim.cmd('edit ' .. vim.fn.fnameescape(bad_path))
  local bad = vim.api.nvim_get_current_buf()
  vim.lsp.buf_attach_client(bad, client_id)
  local bad_uri = vim.uri_from_bufnr(bad)
  result.badUri = bad_uri

  -- The server pushes each open document's diagnostics once it has linted it.
  result.seedPublished = vim.wait(timeout, function() return result.published[seed_uri] ~= nil end, 20)
  result.badPublished = vim.wait(timeout, function() return result.published[bad_uri] ~= nil end, 20)

  -- What Neovim itself shows for the faulty buffer.
  result.shown = {}
  for _, d in ipairs(vim.diagnostic.get(bad)) do
    table.insert(result.shown, { lnum = d.lnum, col = d.col, severity = d.severity, message = d.message,
      code = d.code or (d.user_data and d.user_data.lsp and d.user_data.lsp.code) or vim.NIL })
  end

  -- References and the call hierarchy over the archive, once the server has indexed it.
  if archive and cited_path then
    vim.cmd('edit ' .. vim.fn.fnameescape(cited_path))
    local cited = vim.api.nvim_get_current_buf()
    vim.lsp.buf_attach_client(cited, client_id)
    local client = vim.lsp.get_client_by_id(client_id)
    result.indexed = vim.wait(timeout, function()
      local r = client.request_sync('workspace/symbol', { query = '' }, 2000, cited)
      return r and r.result and #r.result >= 6
    end, 100)
    local banner_line = 0
    for i, line in ipairs(vim.api.nvim_buf_get_lines(cited, 0, -1, false)) do
      if line:match('^UNCLAS ') then banner_line = i - 1 break end
    end
    local at = { textDocument = { uri = vim.uri_from_bufnr(cited) }, position = { line = banner_line, character = 2 } }
    local refs = vim.lsp.buf_request_sync(cited, 'textDocument/references',
      vim.tbl_extend('force', at, { context = { includeDeclaration = false } }), timeout)
    result.references = refs and refs[client_id] and refs[client_id].result or vim.NIL
    local prepared = vim.lsp.buf_request_sync(cited, 'textDocument/prepareCallHierarchy', at, timeout)
    local items = prepared and prepared[client_id] and prepared[client_id].result
    if items and items[1] then
      local incoming = client.request_sync('callHierarchy/incomingCalls', { item = items[1] }, timeout, cited)
      result.incoming = incoming and incoming.result or vim.NIL
    end
  end

  vim.lsp.stop_client(client_id)
  result.stopped = vim.wait(5000, function() return vim.lsp.get_client_by_id(client_id) == nil end, 20)
end)
if not ok then table.insert(result.errors, tostring(err)) end
finish()
