-- Booking: POST /api/appointments with bodies prepared by PrepareBookings.java (proofs of work solved
-- before the clock starts), one a line in BENCH_BOOKINGS. Each thread books its own share, each from its
-- own citizen address (the gateway's X-Forwarded-For), and stops when its share is used up.
dofile(os.getenv("BENCH_LIB") .. "/common.lua")

local bodies, at

function init(args)
   local threads_n = tonumber(os.getenv("BENCH_THREADS"))
   bodies, at = {}, 0
   local k = 0
   for line in io.lines(os.getenv("BENCH_BOOKINGS")) do
      if k % threads_n == thread_id then table.insert(bodies, line) end
      k = k + 1
   end
end

function request()
   at = at + 1
   if at > #bodies then
      wrk.thread:stop()
      at = #bodies
   end
   local address = string.format("10.%d.%d.%d", thread_id, math.floor(at / 250) % 250, at % 250 + 1)
   return wrk.format("POST", "/api/appointments", headers({ ["X-Forwarded-For"] = address }), bodies[at])
end

function response(status, hdrs, body)
   count(status)
end
