// std::ios_base_library_init() is exported by GCC 13's libstdc++ (GLIBCXX_3.4.32). Code built with GCC 13 that includes
// <iostream> only REFERENCES it (a .globl directive in <iostream>) so that it links against a libstdc++ which
// constructs the standard streams itself; nothing calls it. Debian 12's libstdc++ (GCC 12) lacks the symbol and
// constructs the streams only through ios_base::Init objects. This library defines the symbol for
// libLibTorchSharp.so (see patch-libtorchsharp.sh) and owns one namespace-scope ios_base::Init, so that the streams
// libLibTorchSharp.so uses are constructed when it is loaded, whatever else is in the process.
#include <ios>

namespace {
std::ios_base::Init streams;
}

namespace std {
void ios_base_library_init() {}
}
