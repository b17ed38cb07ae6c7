#include "status.h"

namespace {
thread_local std::string last_error;
}

void mt::set_last_error(const char* message) {
    try {
        last_error = message == nullptr ? "" : message;
    } catch (...) {
        // Out of memory while copying the message: keep whatever was there.
    }
}

extern "C" MT_API const char* mt_last_error(void) { return last_error.c_str(); }
