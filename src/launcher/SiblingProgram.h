#pragma once

// Where Letdown's programs find each other, in plain C++ (the launcher links no Qt): `name`
// beside the running program (the build folder), else in ../libexec/letdown/ (an install).
#include <climits>
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
