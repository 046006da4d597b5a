-- wrk: the same request every time, from the environment:
-- BENCH_METHOD (GET or POST), BENCH_AUTH (the Authorization header value),
-- BENCH_BODY (a urlencoded form; empty for none).
wrk.method = os.getenv("BENCH_METHOD") or "GET"
wrk.headers["Authorization"] = os.getenv("BENCH_AUTH")
local body = os.getenv("BENCH_BODY") or ""
if body ~= "" then
	wrk.body = body
	wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"
end
dofile(os.getenv("BENCH_DIR") .. "/report.lua")
