-- GET one or several paths (BENCH_PATHS, comma separated), round robin; with BENCH_TOKEN as bearer.
dofile(os.getenv("BENCH_LIB") .. "/common.lua")

local paths, i

function init(args)
   paths = split(os.getenv("BENCH_PATHS"))
   i = thread_id or 0
end

function request()
   i = i + 1
   return wrk.format("GET", paths[(i % #paths) + 1], headers())
end

function response(status, hdrs, body)
   count(status)
end
