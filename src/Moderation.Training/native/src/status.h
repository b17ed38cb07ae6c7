// Error handling at the C boundary: every exported function runs its body through mt::guard, which catches every
// exception, stores its message in a thread-local string (mt_last_error) and returns an mt_status code.
#pragma once

#include <stdexcept>
#include <string>

#include <c10/util/Exception.h>

#include "moderation_torch.h"

namespace mt {

/// A caller error (bad pointer, length, name or spec); reported as MT_ERR_ARGUMENT.
struct ArgumentError : std::invalid_argument {
    using std::invalid_argument::invalid_argument;
};

void set_last_error(const char* message);

/// Throws ArgumentError(message) unless condition holds.
inline void require(bool condition, const std::string& message) {
    if (!condition) throw ArgumentError(message);
}

/// Runs body; maps exceptions to a status and the thread-local last error.
template <typename Body>
int guard(Body&& body) noexcept {
    try {
        body();
        return MT_OK;
    } catch (const ArgumentError& e) {
        set_last_error(e.what());
        return MT_ERR_ARGUMENT;
    } catch (const c10::Error& e) {
        set_last_error(e.what_without_backtrace());
        return MT_ERR_TORCH;
    } catch (const std::exception& e) {
        set_last_error(e.what());
        return MT_ERR_INTERNAL;
    } catch (...) {
        set_last_error("unknown native exception");
        return MT_ERR_INTERNAL;
    }
}

}  // namespace mt
