// `letdown`: what people, scripts and desktop shortcuts start. It links no Qt library at all,
// so the one command that must be instant, `letdown tap <step>` from a shortcut key while the
// window or `serve` has her data open, costs a bare process: it hands the arguments to that
// owner over the socket the owner publishes for her default file, and prints the answer.
// Everything else, and a tap it cannot hand over this way, goes unchanged to
// `letdown-command` (the same arguments, the same process id), which knows every rule.
//
// It decides nothing about her data: which file is the default, whether a step applies and
// what to print are the owner's answers. It only finds the published socket (docs/cli.md,
// "Handing over"), and it speaks the instance protocol of src/core/instance/InstanceGuard.cpp:
// "command <JSON>\n" -> "taken\n" -> "answer <JSON>\n".
#include "SiblingProgram.h"

#include <cerrno>
#include <climits>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <optional>
#include <string>
#include <vector>

#include <poll.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <time.h>
#include <unistd.h>

namespace {
// As InstanceGuard::forward: the owner takes a command within 5 s, and finishes it within 10 min.
constexpr int kTakeWaitMs = 5000;
constexpr int kWorkWaitMs = 600000;
// An answer longer than this is not one of ours.
constexpr size_t kMaxAnswerBytes = 1 << 20;

[[noreturn]] void runCommandProgram(char **argv)
{
    // The commands that read her whole history (stats, import) spend a third of their time
    // on first touches of fresh heap pages, one 4 KiB fault each. Backed by transparent huge
    // pages, ten years' `stats --json` and import take about a quarter less time
    // (docs/performance.md). glibc reads this only at a process's start, so it is set for
    // the program about to run; letdown-command takes it out of the environment again
    // (kHugePagesMarker), so nothing it starts inherits it. Her own setting is left alone.
    if (!std::getenv("GLIBC_TUNABLES")) {
        ::setenv("GLIBC_TUNABLES", "glibc.malloc.hugetlb=1", 1);
        ::setenv(kHugePagesMarker, "1", 1);
    }
    const std::string program = siblingProgram("letdown-command");
    ::execv(program.c_str(), argv);
    std::fprintf(stderr, "letdown: cannot start %s: %s\n", program.c_str(), std::strerror(errno));
    std::exit(1);
}

// The socket the owner of her default file publishes: <data folder>/letdown/tap.socket, where
// the data folder is $XDG_DATA_HOME or ~/.local/share (Qt's GenericDataLocation, where the
// default file lives). Empty when it cannot be named.
std::string publishedSocketPath()
{
    const char *dataHome = std::getenv("XDG_DATA_HOME");
    const char *home = std::getenv("HOME");
    std::string folder;
    if (dataHome && dataHome[0] == '/')
        folder = dataHome;
    else if (home && home[0] == '/')
        folder = std::string(home) + "/.local/share";
    else
        return {};
    return folder + "/letdown/tap.socket";
}

// `tap` followed only by a step and --kind/--side with their values: the shape a shortcut
// sends. Anything else (--database, --help, a mistake) is for letdown-command to read.
bool isPlainTap(int argc, char **argv)
{
    if (argc < 3 || std::strcmp(argv[1], "tap") != 0)
        return false;
    int steps = 0;
    for (int i = 2; i < argc; ++i) {
        const std::string argument = argv[i];
        for (unsigned char c : argument)
            if (c < 0x21 || c > 0x7e || c == '"' || c == '\\')
                return false; // plain ASCII words only: nothing to escape in the request
        if (argument == "--kind" || argument == "--side") {
            if (++i >= argc)
                return false;
            continue;
        }
        if (argument.rfind("--kind=", 0) == 0 || argument.rfind("--side=", 0) == 0)
            continue;
        if (argument[0] == '-')
            return false;
        ++steps;
    }
    return steps == 1;
}

// A JSON string's text, escapes decoded (UTF-16 escapes to UTF-8); `at` is past the opening quote.
std::optional<std::string> jsonString(const std::string &json, size_t &at)
{
    std::string text;
    const auto hex4 = [&](size_t from) -> long {
        if (from + 4 > json.size())
            return -1;
        char digits[5] = {json[from], json[from + 1], json[from + 2], json[from + 3], 0};
        char *end = nullptr;
        const long value = std::strtol(digits, &end, 16);
        return end == digits + 4 ? value : -1;
    };
    const auto appendUtf8 = [&](unsigned long code) {
        if (code < 0x80) {
            text += char(code);
        } else if (code < 0x800) {
            text += char(0xc0 | (code >> 6));
            text += char(0x80 | (code & 0x3f));
        } else if (code < 0x10000) {
            text += char(0xe0 | (code >> 12));
            text += char(0x80 | ((code >> 6) & 0x3f));
            text += char(0x80 | (code & 0x3f));
        } else {
            text += char(0xf0 | (code >> 18));
            text += char(0x80 | ((code >> 12) & 0x3f));
            text += char(0x80 | ((code >> 6) & 0x3f));
            text += char(0x80 | (code & 0x3f));
        }
    };
    while (at < json.size()) {
        const char c = json[at++];
        if (c == '"')
            return text;
        if (c != '\\') {
            text += c;
            continue;
        }
        if (at >= json.size())
            return std::nullopt;
        const char escaped = json[at++];
        switch (escaped) {
        case '"': text += '"'; break;
        case '\\': text += '\\'; break;
        case '/': text += '/'; break;
        case 'b': text += '\b'; break;
        case 'f': text += '\f'; break;
        case 'n': text += '\n'; break;
        case 'r': text += '\r'; break;
        case 't': text += '\t'; break;
        case 'u': {
            long code = hex4(at);
            if (code < 0)
                return std::nullopt;
            at += 4;
            if (code >= 0xd800 && code < 0xdc00 && json.compare(at, 2, "\\u") == 0) {
                const long low = hex4(at + 2);
                if (low >= 0xdc00 && low < 0xe000) {
                    code = 0x10000 + ((code - 0xd800) << 10) + (low - 0xdc00);
                    at += 6;
                }
            }
            appendUtf8(static_cast<unsigned long>(code));
            break;
        }
        default: return std::nullopt;
        }
    }
    return std::nullopt;
}

struct Answer {
    int exitCode = 1;
    std::string out;
    std::string err;
};

// The owner's answer: {"err":"...","exit":0,"out":"..."} (keys in any order).
std::optional<Answer> parseAnswer(const std::string &json)
{
    Answer answer;
    bool sawExit = false;
    size_t at = json.find('{');
    if (at == std::string::npos)
        return std::nullopt;
    ++at;
    for (;;) {
        while (at < json.size() && (json[at] == ' ' || json[at] == ','))
            ++at;
        if (at >= json.size())
            return std::nullopt;
        if (json[at] == '}')
            break;
        if (json[at++] != '"')
            return std::nullopt;
        const std::optional<std::string> key = jsonString(json, at);
        if (!key || at >= json.size() || json[at++] != ':')
            return std::nullopt;
        if (at < json.size() && json[at] == '"') {
            ++at;
            const std::optional<std::string> value = jsonString(json, at);
            if (!value)
                return std::nullopt;
            if (*key == "out")
                answer.out = *value;
            else if (*key == "err")
                answer.err = *value;
        } else {
            char *end = nullptr;
            const long number = std::strtol(json.c_str() + at, &end, 10);
            if (end == json.c_str() + at)
                return std::nullopt;
            at = size_t(end - json.c_str());
            if (*key == "exit") {
                answer.exitCode = int(number);
                sawExit = true;
            }
        }
    }
    if (!sawExit)
        return std::nullopt;
    return answer;
}

long long monotonicMs()
{
    timespec now {};
    ::clock_gettime(CLOCK_MONOTONIC, &now);
    return (long long)now.tv_sec * 1000 + now.tv_nsec / 1000000;
}

// Reads up to and including the next newline, waiting until `deadlineMs`. Empty on the end of
// the connection, a timeout or an error.
std::string readLine(int fd, std::string &buffer, long long deadlineMs)
{
    for (;;) {
        const size_t newline = buffer.find('\n');
        if (newline != std::string::npos) {
            std::string line = buffer.substr(0, newline + 1);
            buffer.erase(0, newline + 1);
            return line;
        }
        const long long leftMs = deadlineMs - monotonicMs();
        if (leftMs <= 0 || buffer.size() > kMaxAnswerBytes)
            return {};
        pollfd waiting {fd, POLLIN, 0};
        const int ready = ::poll(&waiting, 1, int(leftMs));
        if (ready < 0 && errno == EINTR)
            continue;
        if (ready <= 0)
            return {};
        char chunk[4096];
        const ssize_t got = ::read(fd, chunk, sizeof chunk);
        if (got < 0 && errno == EINTR)
            continue;
        if (got <= 0)
            return {};
        buffer.append(chunk, size_t(got));
    }
}

bool writeAll(int fd, const std::string &data)
{
    size_t done = 0;
    while (done < data.size()) {
        const ssize_t wrote = ::send(fd, data.data() + done, data.size() - done, MSG_NOSIGNAL);
        if (wrote < 0 && errno == EINTR)
            continue;
        if (wrote <= 0)
            return false;
        done += size_t(wrote);
    }
    return true;
}

// Connects to the published socket: -1 when there is none that is hers and alive.
int connectToOwner()
{
    const std::string path = publishedSocketPath();
    sockaddr_un address {};
    if (path.empty() || path.size() >= sizeof address.sun_path)
        return -1;
    // Hers, and a socket: the folder is private (0700), but a link or a stranger's file is never followed.
    struct stat info {};
    if (::lstat(path.c_str(), &info) != 0 || !S_ISSOCK(info.st_mode) || info.st_uid != ::getuid())
        return -1;
    const int fd = ::socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (fd < 0)
        return -1;
    address.sun_family = AF_UNIX;
    std::memcpy(address.sun_path, path.c_str(), path.size());
    if (::connect(fd, reinterpret_cast<const sockaddr *>(&address), sizeof address) != 0) {
        ::close(fd); // left by an owner that was killed: letdown-command takes over
        return -1;
    }
    return fd;
}

// Hands the tap to the owner. Returns its exit code, or nothing when the owner did not take
// it (then letdown-command runs it, which also says why when no one can).
std::optional<int> handTap(int argc, char **argv)
{
    const int fd = connectToOwner();
    if (fd < 0)
        return std::nullopt;
    char folder[PATH_MAX] = {};
    std::string cwd = ::getcwd(folder, sizeof folder) ? folder : "/";
    // The working folder is the only text that may need escaping.
    std::string escapedCwd;
    for (unsigned char c : cwd) {
        if (c == '"' || c == '\\') {
            escapedCwd += '\\';
            escapedCwd += char(c);
        } else if (c < 0x20) {
            char code[8];
            std::snprintf(code, sizeof code, "\\u%04x", c);
            escapedCwd += code;
        } else {
            escapedCwd += char(c);
        }
    }
    std::string request = "command {\"arguments\":[";
    for (int i = 1; i < argc; ++i)
        request += std::string(i > 1 ? "," : "") + "\"" + argv[i] + "\"";
    request += "],\"cwd\":\"" + escapedCwd + "\"}\n";
    std::string buffer;
    if (!writeAll(fd, request) || readLine(fd, buffer, monotonicMs() + kTakeWaitMs) != "taken\n") {
        ::close(fd);
        return std::nullopt; // not taken: nothing was done, so the long way is safe
    }
    // Taken: from here on it must never run twice, so no second try.
    const std::string line = readLine(fd, buffer, monotonicMs() + kWorkWaitMs);
    ::close(fd);
    const std::string prefix = "answer ";
    const std::optional<Answer> answer
        = line.rfind(prefix, 0) == 0 ? parseAnswer(line.substr(prefix.size())) : std::nullopt;
    if (!answer) {
        std::fputs("letdown tap: The Letdown that has the file open did not finish the command.\n", stderr);
        return 3;
    }
    std::fputs(answer->out.c_str(), stdout);
    std::fputs(answer->err.c_str(), stderr);
    return answer->exitCode;
}
} // namespace

int main(int argc, char **argv)
{
    if (isPlainTap(argc, argv)) {
        if (const std::optional<int> exitCode = handTap(argc, argv))
            return *exitCode;
    }
    runCommandProgram(argv);
}
