/*
 * A loopback-only guard for a native emulator (the fakecloud lane, ../fakecloud.ts), the
 * counterpart of ../loopback_guard.py's audit hook for a program that is not Python. Loaded
 * with LD_PRELOAD, it stands in front of the C library's entry points a program uses to reach
 * anything: it refuses a connection or a datagram to any address but loopback, a bound or
 * listening address other than loopback, a name lookup of anything but a loopback name, and every new
 * program or child process. Each refusal fails the call with EPERM (EAI_FAIL for a lookup) and
 * writes one line to stderr that starts with $LOOPBACK_GUARD_MARK; the lane fails the run when
 * such a line appears.
 *
 * What it cannot see: a program that makes system calls directly instead of calling the C
 * library (the glibc-linked Rust binaries this is for call the C library), and calls the C
 * library makes to itself. The lane's environment points everything at loopback as well, so
 * the guard is the second line, not the only one.
 *
 * Build: cc -shared -fPIC -O2 -o loopback-guard.so loopback-guard.c -ldl (the lane does it).
 */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <dlfcn.h>
#include <errno.h>
#include <netdb.h>
#include <netinet/in.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/socket.h>
#include <sys/types.h>
#include <sys/un.h>
#include <unistd.h>

static void report(const char *what) {
  const char *mark = getenv("LOOPBACK_GUARD_MARK");
  char line[512];
  int length = snprintf(line, sizeof line, "%s%s\n", mark ? mark : "loopback-guard: refused ", what);
  if (length > 0) {
    ssize_t ignored = write(2, line, (size_t)length < sizeof line ? (size_t)length : sizeof line - 1);
    (void)ignored;
  }
}

static int is_loopback_v4(const struct in_addr *address) { return (ntohl(address->s_addr) >> 24) == 127; }

static int is_loopback_v6(const struct in6_addr *address) {
  if (IN6_IS_ADDR_LOOPBACK(address)) return 1;
  if (IN6_IS_ADDR_V4MAPPED(address)) {
    struct in_addr v4;
    memcpy(&v4, &address->s6_addr[12], 4);
    return is_loopback_v4(&v4);
  }
  return 0;
}

/* 1 when a destination is on this machine's loopback, or is not a network address at all (netlink, unspecified). */
static int allowed_destination(const struct sockaddr *address, char *described, size_t size) {
  if (address == NULL) return 1;
  char text[INET6_ADDRSTRLEN] = "?";
  switch (address->sa_family) {
    case AF_INET: {
      const struct sockaddr_in *v4 = (const struct sockaddr_in *)address;
      if (is_loopback_v4(&v4->sin_addr)) return 1;
      inet_ntop(AF_INET, &v4->sin_addr, text, sizeof text);
      snprintf(described, size, "%s:%u", text, ntohs(v4->sin_port));
      return 0;
    }
    case AF_INET6: {
      const struct sockaddr_in6 *v6 = (const struct sockaddr_in6 *)address;
      if (is_loopback_v6(&v6->sin6_addr)) return 1;
      inet_ntop(AF_INET6, &v6->sin6_addr, text, sizeof text);
      snprintf(described, size, "[%s]:%u", text, ntohs(v6->sin6_port));
      return 0;
    }
    case AF_UNIX:
      /* A Unix socket is local, but the one an emulator reaches for is a container daemon's. */
      snprintf(described, size, "unix:%s", ((const struct sockaddr_un *)address)->sun_path);
      return 0;
    case AF_UNSPEC:
    case AF_NETLINK:
      return 1;
    default:
      snprintf(described, size, "address family %d", address->sa_family);
      return 0;
  }
}

/* 1 for an address a socket may be bound to: loopback, or the wildcard with port 0 (the implicit bind before a connection; listen() checks again). */
static int allowed_listening(const struct sockaddr *address, char *described, size_t size) {
  if (address == NULL || address->sa_family == AF_UNIX || address->sa_family == AF_NETLINK) return 1;
  if (address->sa_family == AF_INET) {
    const struct sockaddr_in *v4 = (const struct sockaddr_in *)address;
    if (v4->sin_addr.s_addr == htonl(INADDR_ANY) && v4->sin_port == 0) return 1;
  } else if (address->sa_family == AF_INET6) {
    const struct sockaddr_in6 *v6 = (const struct sockaddr_in6 *)address;
    if (IN6_IS_ADDR_UNSPECIFIED(&v6->sin6_addr) && v6->sin6_port == 0) return 1;
  }
  return allowed_destination(address, described, size);
}

#define NEXT(name) ((__typeof__(&name))dlsym(RTLD_NEXT, #name))

int connect(int fd, const struct sockaddr *address, socklen_t length) {
  char described[160], line[200];
  if (!allowed_destination(address, described, sizeof described)) {
    snprintf(line, sizeof line, "connect to %s", described);
    report(line);
    errno = EPERM;
    return -1;
  }
  return NEXT(connect)(fd, address, length);
}

int bind(int fd, const struct sockaddr *address, socklen_t length) {
  char described[160], line[200];
  if (!allowed_listening(address, described, sizeof described)) {
    snprintf(line, sizeof line, "listening on %s", described);
    report(line);
    errno = EPERM;
    return -1;
  }
  return NEXT(bind)(fd, address, length);
}

/* A wildcard bind with port 0 is allowed (it precedes a connection or a datagram), so a listening socket is checked again when it starts to listen. */
int listen(int fd, int backlog) {
  struct sockaddr_storage bound;
  socklen_t length = sizeof bound;
  char described[160], line[200];
  if (getsockname(fd, (struct sockaddr *)&bound, &length) == 0 && (bound.ss_family == AF_INET || bound.ss_family == AF_INET6) &&
      !allowed_destination((const struct sockaddr *)&bound, described, sizeof described)) {
    snprintf(line, sizeof line, "listening on %s", described);
    report(line);
    errno = EPERM;
    return -1;
  }
  return NEXT(listen)(fd, backlog);
}

ssize_t sendto(int fd, const void *buffer, size_t size, int flags, const struct sockaddr *address, socklen_t length) {
  char described[160], line[200];
  if (!allowed_destination(address, described, sizeof described)) {
    snprintf(line, sizeof line, "datagram to %s", described);
    report(line);
    errno = EPERM;
    return -1;
  }
  return NEXT(sendto)(fd, buffer, size, flags, address, length);
}

ssize_t sendmsg(int fd, const struct msghdr *message, int flags) {
  char described[160], line[200];
  if (message != NULL && message->msg_name != NULL && !allowed_destination(message->msg_name, described, sizeof described)) {
    snprintf(line, sizeof line, "datagram to %s", described);
    report(line);
    errno = EPERM;
    return -1;
  }
  return NEXT(sendmsg)(fd, message, flags);
}

int sendmmsg(int fd, struct mmsghdr *messages, unsigned int count, int flags) {
  char described[160], line[200];
  for (unsigned int index = 0; index < count; index++) {
    const void *name = messages[index].msg_hdr.msg_name;
    if (name != NULL && !allowed_destination(name, described, sizeof described)) {
      snprintf(line, sizeof line, "datagram to %s", described);
      report(line);
      errno = EPERM;
      return -1;
    }
  }
  return NEXT(sendmmsg)(fd, messages, count, flags);
}

static int is_loopback_name(const char *node) {
  static const char *const names[] = {"localhost", "localhost.localdomain", "ip6-localhost", "ip6-loopback"};
  for (size_t index = 0; index < sizeof names / sizeof names[0]; index++)
    if (strcasecmp(node, names[index]) == 0) return 1;
  struct in_addr v4;
  struct in6_addr v6;
  if (inet_pton(AF_INET, node, &v4) == 1) return is_loopback_v4(&v4);
  if (inet_pton(AF_INET6, node, &v6) == 1) return is_loopback_v6(&v6);
  return 0;
}

int getaddrinfo(const char *node, const char *service, const struct addrinfo *hints, struct addrinfo **result) {
  if (node != NULL && !is_loopback_name(node)) {
    char line[320];
    snprintf(line, sizeof line, "name lookup of %.256s", node);
    report(line);
    return EAI_FAIL;
  }
  return NEXT(getaddrinfo)(node, service, hints, result);
}

static int refuse_child(const char *how, const char *program) {
  char line[320];
  snprintf(line, sizeof line, "child process (%s %.256s)", how, program ? program : "");
  report(line);
  errno = EPERM;
  return -1;
}

int execve(const char *path, char *const argv[], char *const envp[]) {
  (void)argv;
  (void)envp;
  return refuse_child("execve", path);
}

int execv(const char *path, char *const argv[]) {
  (void)argv;
  return refuse_child("execv", path);
}

int execvp(const char *file, char *const argv[]) {
  (void)argv;
  return refuse_child("execvp", file);
}

int execvpe(const char *file, char *const argv[], char *const envp[]) {
  (void)argv;
  (void)envp;
  return refuse_child("execvpe", file);
}

int posix_spawn(pid_t *pid, const char *path, const posix_spawn_file_actions_t *actions, const posix_spawnattr_t *attributes, char *const argv[],
                char *const envp[]) {
  (void)pid;
  (void)actions;
  (void)attributes;
  (void)argv;
  (void)envp;
  refuse_child("posix_spawn", path);
  return EPERM;
}

int posix_spawnp(pid_t *pid, const char *file, const posix_spawn_file_actions_t *actions, const posix_spawnattr_t *attributes, char *const argv[],
                 char *const envp[]) {
  (void)pid;
  (void)actions;
  (void)attributes;
  (void)argv;
  (void)envp;
  refuse_child("posix_spawnp", file);
  return EPERM;
}

pid_t fork(void) { return refuse_child("fork", NULL); }

pid_t vfork(void) { return refuse_child("vfork", NULL); }

int system(const char *command) {
  refuse_child("system", command);
  return -1;
}

FILE *popen(const char *command, const char *mode) {
  (void)mode;
  refuse_child("popen", command);
  return NULL;
}
