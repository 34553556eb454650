/*
 * Node addon for scripts/cachesim: lets the workload start and stop callgrind's counters around
 * the calls it measures (CALLGRIND_* client requests; no-ops outside valgrind).
 * Built by run.sh with the machine's gcc, Node's headers and valgrind's.
 */
#include <node_api.h>
#include <valgrind/callgrind.h>

static napi_value start(napi_env env, napi_callback_info info) {
  (void)env; (void)info;
  CALLGRIND_ZERO_STATS;
  CALLGRIND_START_INSTRUMENTATION;
  return NULL;
}

static napi_value stop(napi_env env, napi_callback_info info) {
  (void)env; (void)info;
  CALLGRIND_STOP_INSTRUMENTATION;
  CALLGRIND_DUMP_STATS;
  return NULL;
}

NAPI_MODULE_INIT() {
  napi_value f;
  napi_create_function(env, "start", NAPI_AUTO_LENGTH, start, NULL, &f);
  napi_set_named_property(env, exports, "start", f);
  napi_create_function(env, "stop", NAPI_AUTO_LENGTH, stop, NULL, &f);
  napi_set_named_property(env, exports, "stop", f);
  return exports;
}
