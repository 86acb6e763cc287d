-- Shared by every workload: the bearer token, a JSON summary line for bench.py, and thread numbering.
-- wrk runs one Lua state per thread; setup() runs in the main state and numbers the threads.
local threads = {}
local counter = 0

function setup(thread)
   thread:set("thread_id", counter)
   counter = counter + 1
   table.insert(threads, thread)
end

bearer = os.getenv("BENCH_TOKEN")

function headers(extra)
   local h = { ["Content-Type"] = "application/json", ["Accept"] = "application/json" }
   if bearer and bearer ~= "" then
      h["Authorization"] = "Bearer " .. bearer
   end
   if extra then
      for k, v in pairs(extra) do h[k] = v end
   end
   return h
end

function split(text)
   local out = {}
   for item in string.gmatch(text or "", "[^,]+") do table.insert(out, item) end
   return out
end

-- Counts answers by status in each thread; done() adds them up.
statuses = {}
function count(status)
   statuses[status] = (statuses[status] or 0) + 1
end

function done(summary, latency, requests)
   local codes = {}
   for _, thread in ipairs(threads) do
      local s = thread:get("statuses")
      if s then
         for code, n in pairs(s) do codes[code] = (codes[code] or 0) + n end
      end
   end
   local parts = {}
   for code, n in pairs(codes) do table.insert(parts, string.format('"%d":%d', code, n)) end
   io.write(string.format(
      'BENCH_JSON {"requests":%d,"duration_us":%d,"errors_connect":%d,"errors_read":%d,"errors_write":%d,' ..
      '"errors_status":%d,"errors_timeout":%d,"p50_us":%d,"p90_us":%d,"p99_us":%d,"max_us":%d,"mean_us":%.1f,' ..
      '"statuses":{%s}}\n',
      summary.requests, summary.duration, summary.errors.connect, summary.errors.read, summary.errors.write,
      summary.errors.status, summary.errors.timeout, latency:percentile(50), latency:percentile(90),
      latency:percentile(99), latency.max, latency.mean, table.concat(parts, ",")))
end
