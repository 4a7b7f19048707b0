#pragma once

// Where Letdown's programs find each other, in plain C++ (the launcher links no Qt): `name`
// beside the running program (the build folder), else in ../libexec/letdown/ (an install).
#include <climits>
#include <cstdlib>
#include <string>
#include <unistd.h>

inline std::string siblingProgram(const std::string &name)
{
    char self[PATH_MAX] = {};
    const ssize_t length = ::readlink("/proc/self/exe", self, sizeof self - 1);
    std::string folder = length > 0 ? std::string(self, size_t(length)) : std::string();
    folder = folder.substr(0, folder.rfind('/') + 1);
    for (const std::string &candidate : {folder + name, folder + "../libexec/letdown/" + name})
        if (::access(candidate.c_str(), X_OK) == 0)
            return candidate;
    return folder + name;
}

// Set by `letdown` beside the GLIBC_TUNABLES it sets for letdown-command (huge pages for the
// heap, src/launcher/Launcher.cpp): that program's glibc has read them by the time main runs,
// and takes both out again so that no program it starts (the window, a browser) inherits them.
inline constexpr const char *kHugePagesMarker = "LETDOWN_SET_GLIBC_TUNABLES";

inline void forgetLauncherTunables()
{
    if (const char *marker = std::getenv(kHugePagesMarker); marker && marker[0] == '1') {
        ::unsetenv("GLIBC_TUNABLES");
        ::unsetenv(kHugePagesMarker);
    }
}
