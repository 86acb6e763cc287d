-- The kiosk: POST /api/queue/tickets for the services in BENCH_SERVICES, round robin.
dofile(os.getenv("BENCH_LIB") .. "/common.lua")

local services, i

function init(args)
   services = split(os.getenv("BENCH_SERVICES"))
   i = thread_id or 0
end

function request()
   i = i + 1
   local body = '{"serviceId":"' .. services[(i % #services) + 1] .. '"}'
   return wrk.format("POST", "/api/queue/tickets", headers(), body)
end

function response(status, hdrs, body)
   count(status)
end
