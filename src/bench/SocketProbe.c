/* The floor of `letdown tap` handed to a running window: a bare process that connects to
   a local socket, sends one line and reads one answer. No Qt, nothing else loaded. */
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

int main(int argc, char **argv)
{
    if (argc != 2 || strlen(argv[1]) >= sizeof(((struct sockaddr_un *)0)->sun_path)) {
        fprintf(stderr, "usage: letdown_socket_probe SOCKET-PATH\n");
        return 2;
    }
    struct sockaddr_un address;
    memset(&address, 0, sizeof address);
    address.sun_family = AF_UNIX;
    strcpy(address.sun_path, argv[1]);
    const int fd = socket(AF_UNIX, SOCK_STREAM, 0);
    if (fd < 0 || connect(fd, (struct sockaddr *)&address, sizeof address) != 0) {
        perror("letdown_socket_probe");
        return 1;
    }
    static const char request[] = "raise\n";
    if (write(fd, request, sizeof request - 1) != (ssize_t)(sizeof request - 1))
        return 1;
    char answer[256];
    size_t got = 0;
    while (got < sizeof answer) {
        const ssize_t n = read(fd, answer + got, sizeof answer - got);
        if (n <= 0)
            break;
        got += (size_t)n;
        if (memchr(answer, '\n', got))
            break;
    }
    close(fd);
    return memchr(answer, '\n', got) ? 0 : 1;
}
