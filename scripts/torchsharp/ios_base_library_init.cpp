// std::ios_base_library_init(), which GCC 13's libstdc++ (GLIBCXX_3.4.32) exports and GCC 13-built code calls once at
// load time to construct the standard streams. Debian 12's libstdc++ (GCC 12) constructs them through ios_base::Init
// instead; this defines the missing function that way for libLibTorchSharp.so (see patch-libtorchsharp.sh).
#include <ios>

namespace std {
void ios_base_library_init() { static ios_base::Init init; }
}
