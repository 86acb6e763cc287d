-- The desk cycle: call-next, start, finish. Run with one connection per thread (-t = -c): each thread is
-- an operator working the stations BENCH_STATIONS[k] with k = thread_id modulo the thread count, one
-- after the other, so all the stations race for the same queues. A cycle is three requests.
dofile(os.getenv("BENCH_LIB") .. "/common.lua")

local mine, at, state, ticket

function init(args)
   local stations = split(os.getenv("BENCH_STATIONS"))
   local threads_n = tonumber(os.getenv("BENCH_THREADS"))
   mine = {}
   for k, s in ipairs(stations) do
      if (k - 1) % threads_n == thread_id then table.insert(mine, s) end
   end
   at, state = 1, "call"
end

function request()
   if state == "call" then
      return wrk.format("POST", "/api/queue/stations/" .. mine[at] .. "/call-next", headers())
   elseif state == "start" then
      return wrk.format("POST", "/api/queue/tickets/" .. ticket .. "/start", headers())
   end
   return wrk.format("POST", "/api/queue/tickets/" .. ticket .. "/finish", headers(), "{}")
end

function response(status, hdrs, body)
   count(status)
   if state == "call" and status == 200 then
      ticket = string.match(body, '"id":"([0-9a-f-]+)"')
      state = "start"
   elseif state == "start" and status == 200 then
      state = "finish"
   else
      -- finished, nobody waiting (204), or refused: the operator goes on to the next station
      state = "call"
      at = (at % #mine) + 1
   end
end
