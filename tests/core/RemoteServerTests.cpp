// The phone remote: every tap through the same commands as a key, committed before it is
// answered, never twice; strangers and malformed requests change nothing.
#include "remote/HttpMessage.h"
#include "remote/QrCode.h"
#include "remote/RemoteAccess.h"
#include "remote/RemoteServer.h"
#include "scalefeed/LiveScale.h"

#include "commands/SessionCommands.h"
#include "recorder/SessionRecorder.h"

#include "HttpTestClient.h"
#include "SessionFixtures.h"
#include "TestSupport.h"

#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTcpSocket>
#include <QTest>

namespace {
const QByteArray kKey = QByteArray(64, 'a');

using Reply = HttpReply;

Reply send(quint16 port, const QByteArray &raw, int timeoutMs = 5000)
{
    return sendHttp(port, raw, timeoutMs);
}

QByteArray get(quint16 port, const QByteArray &path, const QByteArray &key = kKey, const QByteArray &host = {})
{
    return httpGet(port, path, key, host);
}

QByteArray post(quint16 port, const QByteArray &body, const QByteArray &extraHeaders = {}, const QByteArray &key = kKey)
{
    return httpPostTap(port, body, key, extraHeaders);
}

struct RemoteRig {
    RecorderRig rig;
    Journal journal {rig.db.file, rig.store, rig.recorder, rig.clock};
    SessionCommands &commands = journal.steps();
    RemoteServer server {journal};
    quint16 port = 0;

    RemoteRig()
    {
        server.setSecret(kKey);
        QString error;
        REQUIRE(server.listen({QHostAddress::LocalHost}, 0, error));
        port = server.port();
        REQUIRE(port != 0);
    }
    QByteArray tapBody(const QByteArray &id, const QByteArray &action, qint64 ageMs = 0, const QByteArray &extra = {})
    {
        return tapJson(id, action, rig.clock.wallUtcMs() - ageMs, extra);
    }
    Reply tap(const QByteArray &id, const QByteArray &action, qint64 ageMs = 0, const QByteArray &extra = {})
    {
        return send(port, post(port, tapBody(id, action, ageMs, extra)));
    }
    Reply spontaneous(const QByteArray &id, qint64 ageMs = 0)
    {
        return send(port,
            httpPostTap(port, tapJson(id, {}, rig.clock.wallUtcMs() - ageMs), kKey, {}, "/api/v1/letdown/spontaneous"));
    }
    qint64 count(const QString &sql) { return rig.db.scalar(sql); }
};
} // namespace

TEST_CASE("HTTP: a request is taken whole, and a malformed or oversized one gets its error status")
{
    HttpRequest request;
    QByteArray buffer = "GET /api/v1/status?after=3 HTTP/1.1\r\nHost: a:1\r\n";
    CHECK(Http::takeRequest(buffer, request).status == 0); // not complete yet
    buffer += "X-Letdown-Key:  k \r\n\r\n";
    REQUIRE(Http::takeRequest(buffer, request).status == 200);
    CHECK(request.method == "GET");
    CHECK(request.path == "/api/v1/status");
    CHECK(request.queryValue("after") == "3");
    CHECK(request.header("x-letdown-key") == "k");
    CHECK(buffer.isEmpty());

    buffer = "POST /api/tap HTTP/1.1\r\nContent-Length: 5\r\n\r\nab";
    CHECK(Http::takeRequest(buffer, request).status == 0); // waits for the body
    buffer += "cde";
    REQUIRE(Http::takeRequest(buffer, request).status == 200);
    CHECK(request.body == "abcde");

    const auto statusOf = [](QByteArray raw) {
        HttpRequest ignored;
        return Http::takeRequest(raw, ignored).status;
    };
    CHECK(statusOf("POST /api/tap HTTP/1.1\r\nContent-Length: 5000\r\n\r\n") == 413);
    CHECK(statusOf("POST /api/tap HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n") == 411);
    CHECK(statusOf("POST /api/tap HTTP/1.1\r\nContent-Length: -1\r\n\r\n") == 400);
    CHECK(statusOf("GET /x HTTP/2\r\n\r\n") == 505);
    CHECK(statusOf("GET x HTTP/1.1\r\n\r\n") == 400);
    CHECK(statusOf("GET / HTTP/1.1\r\nno colon here\r\n\r\n") == 400);
    CHECK(statusOf("GET / HTTP/1.1\r\nX: " + QByteArray(9000, 'a')) == 431);
    CHECK(statusOf("GET  / HTTP/1.1\r\n\r\n") == 400); // two spaces: four parts
    CHECK(statusOf("GET / HTTP/1.1 x\r\n\r\n") == 400);
    CHECK(statusOf("GET /\r\n\r\n") == 400);
    CHECK(statusOf("G@T / HTTP/1.1\r\n\r\n") == 400);
    CHECK(statusOf("GET / HTTP/1.1\r\n folded: value\r\n\r\n") == 400);
    CHECK(statusOf("GET / HTTP/1.1\r\nName : value\r\n\r\n") == 400);
    CHECK(statusOf("GET / HTTP/1.1\r\nA: b\n\r\n\r\n") == 400); // an empty header line
    CHECK(statusOf("GET / HTTP/1.1\r\n: no name\r\n\r\n") == 400);

    // Bare newlines end lines too; names are lower-cased, values trimmed; the version and
    // "Connection" decide whether the connection stays open.
    buffer = "GET /a?b=1 HTTP/1.0\nX-One:\tfirst \nx-one: second\r\n\r\nGET /next HTTP/1.1\r\n\r\n";
    REQUIRE(Http::takeRequest(buffer, request).status == 200);
    CHECK(request.path == "/a");
    CHECK(request.query == "b=1");
    CHECK(request.header("x-one") == "first");
    CHECK(request.headers.size() == 2);
    CHECK_FALSE(request.keepAlive); // HTTP/1.0
    CHECK(buffer == "GET /next HTTP/1.1\r\n\r\n"); // the next request stays
    REQUIRE(Http::takeRequest(buffer, request).status == 200);
    CHECK(request.path == "/next");
    CHECK(request.headers.isEmpty());
    CHECK(request.keepAlive);
    buffer = "GET / HTTP/1.1\r\nConnection: Close\r\n\r\n";
    REQUIRE(Http::takeRequest(buffer, request).status == 200);
    CHECK_FALSE(request.keepAlive);

    const QByteArray answer = Http::response(409, "application/json", "{}", {{"Vary", "Accept-Language"}}, true);
    CHECK(answer
        == "HTTP/1.1 409 Conflict\r\nContent-Type: application/json\r\nContent-Length: 2\r\n"
           "Cache-Control: no-store\r\nX-Content-Type-Options: nosniff\r\nX-Frame-Options: DENY\r\n"
           "Referrer-Policy: no-referrer\r\nConnection: keep-alive\r\nVary: Accept-Language\r\n\r\n{}");
}

TEST_CASE("Remote access: home-network addresses only, a long random key, and wrong keys slowed then refused")
{
    for (const char *home : {"127.0.0.1", "10.1.2.3", "172.16.0.9", "172.31.255.1", "192.168.1.20", "169.254.3.4",
             "::1", "fd12:3456::1", "fe80::1"})
        CHECK(RemoteAccess::isHomeNetworkAddress(QHostAddress(QString::fromLatin1(home))));
    for (const char *outside : {"8.8.8.8", "172.32.0.1", "192.169.0.1", "2001:db8::1", "11.0.0.1"})
        CHECK_FALSE(RemoteAccess::isHomeNetworkAddress(QHostAddress(QString::fromLatin1(outside))));
    for (const QHostAddress &mine : RemoteAccess::homeNetworkAddresses())
        CHECK(RemoteAccess::isHomeNetworkAddress(mine));

    const QByteArray a = RemoteAccess::newSecret();
    const QByteArray b = RemoteAccess::newSecret();
    CHECK(a.size() == 64); // 256 bits as hex
    CHECK(a != b);
    CHECK(RemoteAccess::sameSecret(a, a));
    CHECK_FALSE(RemoteAccess::sameSecret(a.left(63), a));
    CHECK_FALSE(RemoteAccess::sameSecret(b, a));
    CHECK_FALSE(RemoteAccess::sameSecret({}, {}));

    FakeClock clock;
    FailureThrottle throttle(clock);
    const QHostAddress guesser(QStringLiteral("192.168.1.66"));
    for (int i = 0; i < FailureThrottle::kFreeFailures; ++i) {
        CHECK(throttle.delayMsFor(guesser) == 0);
        throttle.recordFailure(guesser);
    }
    CHECK(throttle.delayMsFor(guesser) == FailureThrottle::kDelayStepMs);
    while (!throttle.isBlocked(guesser))
        throttle.recordFailure(guesser);
    CHECK(throttle.isBlocked(guesser));
    CHECK_FALSE(throttle.isBlocked(QHostAddress(QStringLiteral("192.168.1.67"))));
    throttle.recordSuccess(guesser); // the right key does not lift the block
    CHECK(throttle.isBlocked(guesser));
    clock.advance(FailureThrottle::kBlockMs + 1);
    CHECK_FALSE(throttle.isBlocked(guesser));
}

TEST_CASE("Remote: a tap is on disk when answered, and the same tap sent again is recorded once")
{
    RemoteRig r;
    Reply started = r.tap("tap-start-0001", "start", 0, ",\"kind\":\"pumping\",\"side\":\"right\"");
    REQUIRE(started.status == 200);
    CHECK(started.json().value("result").toString() == "recorded");
    CHECK(
        r.count("SELECT count(*) FROM sessions WHERE kind = 'pumping' AND side = 'right' AND state = 'running'") == 1);
    CHECK(started.json().value("status").toObject().value("state").toString() == "running");

    r.rig.clock.advance(60'000);
    // Tapped 20 s before it was sent (the phone was offline): placed at its own moment.
    const Reply letdown = r.tap("tap-letdown-01", "letdown", 20'000);
    REQUIRE(letdown.status == 200);
    CHECK(r.count("SELECT count(*) FROM ejections") == 1);
    CHECK(r.count("SELECT offset_ms FROM ejections") == 40'000);
    CHECK(r.count("SELECT count(*) FROM change_log WHERE receipt_id = 'tap-letdown-01'") == 1);

    // The answer was lost and the phone sends the same tap again, now and after a restart.
    r.rig.clock.advance(5'000);
    const Reply again = r.tap("tap-letdown-01", "letdown", 20'000);
    CHECK(again.status == 200);
    CHECK(again.json().value("result").toString() == "recorded");
    CHECK(r.count("SELECT count(*) FROM ejections") == 1);
    {
        RemoteServer restarted(r.journal);
        restarted.setSecret(kKey);
        QString error;
        REQUIRE(restarted.listen({QHostAddress::LocalHost}, 0, error));
        const Reply afterRestart
            = send(restarted.port(), post(restarted.port(), r.tapBody("tap-letdown-01", "letdown")));
        CHECK(afterRestart.status == 200);
        CHECK(afterRestart.json().value("message").toString() == "Already recorded.");
    }
    CHECK(r.count("SELECT count(*) FROM ejections") == 1);

    // Steps that are already so change nothing, but their answer is kept with their id
    // (sent again after a restart, the same answer).
    CHECK(r.tap("tap-start-0002", "start").json().value("result").toString() == "unchanged");
    CHECK(r.count("SELECT count(*) FROM change_log WHERE receipt_id = 'tap-start-0002' AND result = 'unchanged'")
        == 1);
    CHECK(r.tap("tap-pause-0001", "pause").status == 200);
    CHECK(r.count("SELECT count(*) FROM sessions WHERE state = 'paused'") == 1);
    CHECK(r.tap("tap-side-00001", "switch_side", 0, ",\"side\":\"left\"").status == 200);
    CHECK(r.count("SELECT count(*) FROM sessions WHERE side = 'left'") == 1);
    CHECK(r.tap("tap-resume-001", "resume").status == 200);
    CHECK(r.tap("tap-stop-00001", "stop").status == 200);
    CHECK(r.count("SELECT count(*) FROM sessions WHERE state = 'stopped'") == 1);
    const Reply letdownAfter = r.tap("tap-letdown-02", "letdown");
    CHECK(letdownAfter.status == 409);
    CHECK(letdownAfter.json().value("result").toString() == "no_session");
}

TEST_CASE("Remote: a tap too old to place is refused, and one that waits for the data file is answered when saved")
{
    RemoteRig r;
    REQUIRE(r.tap("tap-start-0001", "start").status == 200);
    r.rig.clock.advance(600'000);
    const Reply old = r.tap("tap-letdown-old", "letdown", RemoteServer::kMaxTapAgeMs + 1000);
    CHECK(old.status == 422);
    CHECK(old.json().value("message").toString().contains("5 minutes old"));
    CHECK(r.count("SELECT count(*) FROM ejections") == 0);

    // Another program holds the write lock: the let-down is kept in order, not answered as saved.
    r.rig.recorder.setRetryIntervalsMs(60'000, 60'000);
    {
        OtherProgramConnection hold(r.rig.db.path);
        REQUIRE(hold.exec(QStringLiteral("BEGIN IMMEDIATE")));
        const Reply kept = r.tap("tap-letdown-busy", "letdown");
        CHECK(kept.status == 503);
        CHECK(kept.json().value("result").toString() == "kept");
        CHECK(r.tap("tap-letdown-busy", "letdown").status == 503); // asked again: still waiting, not twice
        REQUIRE(hold.exec(QStringLiteral("COMMIT")));
    }
    REQUIRE(r.rig.recorder.retrySave());
    const Reply saved = r.tap("tap-letdown-busy", "letdown");
    CHECK(saved.status == 200);
    CHECK(saved.json().value("result").toString() == "recorded");
    CHECK(r.count("SELECT count(*) FROM ejections") == 1);
    CHECK(r.count("SELECT count(*) FROM change_log WHERE receipt_id = 'tap-letdown-busy'") == 1);
}

TEST_CASE("Remote: strangers, other sites and malformed bodies get an error and change nothing")
{
    RemoteRig r;
    const QByteArray good = r.tapBody("tap-start-0001", "start");
    CHECK(send(r.port, post(r.port, good, {}, "")).status == 401); // no key
    CHECK(send(r.port, post(r.port, good, {}, QByteArray(64, 'b'))).status == 401); // a wrong one
    CHECK(send(r.port, get(r.port, "/api/v1/status", "")).status == 401);
    const QByteArray port = QByteArray::number(r.port);
    // DNS rebinding: another site's name pointed at this address.
    CHECK(send(r.port, get(r.port, "/api/v1/status", kKey, "evil.example:" + port)).status == 421);
    CHECK(send(r.port, get(r.port, "/", {}, "evil.example:" + port)).status == 421);
    // A page of another origin may not change anything, even with the key.
    CHECK(send(r.port, post(r.port, good, "Origin: http://evil.example\r\n")).status == 403);
    CHECK(send(r.port, post(r.port, "{\"id\":", {})).status == 400);
    CHECK(send(r.port, post(r.port, "[1,2]", {})).status == 400);
    CHECK(send(r.port, post(r.port, r.tapBody("tap-start-0001", "explode"))).status == 400);
    CHECK(send(r.port, post(r.port, r.tapBody("short", "start"))).status == 400);
    CHECK(send(r.port, post(r.port, r.tapBody("tap-start-0001", "start", 0, ",\"volume\":5"))).status == 400);
    CHECK(send(r.port, post(r.port, r.tapBody("tap-start-0001", "start", 0, ",\"side\":\"middle\""))).status == 400);
    CHECK(send(r.port, post(r.port, r.tapBody("tap-ahead-0001", "start", -120'000))).status
        == 422); // the phone's clock is wrong
    CHECK(send(r.port, post(r.port, "{\"action\":\"start\",\"tapped_at\":\"2026-11-29T03:12:00\"}")).status
        == 400); // a time without its offset
    CHECK(send(r.port, post(r.port, "{\"tap_id\":\"abcdefgh1\"}")).status == 400); // no action
    CHECK(send(r.port,
              httpPostTap(r.port, r.tapBody("tap-spont-0001", {}, 0, ",\"side\":\"left\""), kKey, {},
                  "/api/v1/letdown/spontaneous"))
              .status
        == 400); // a let-down without a feed takes no action and no side
    CHECK(send(r.port, get(r.port, "/api/state")).status == 404); // versioned: /api/v1/...
    CHECK(send(r.port,
              "GET /api/v1/status HTTP/1.1\r\nHost: 127.0.0.1:" + QByteArray::number(r.port)
                  + "\r\nAuthorization: Basic " + kKey + "\r\n\r\n")
              .status
        == 401);
    CHECK(send(r.port, post(r.port, QByteArray(5000, ' '))).status == 413);
    CHECK(send(r.port,
              "POST /api/v1/session HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nAuthorization: Bearer " + kKey
                  + "\r\nContent-Type: text/plain\r\nContent-Length: " + QByteArray::number(good.size()) + "\r\n\r\n"
                  + good)
              .status
        == 415);
    CHECK(send(r.port, "BREW / HTTP/1.1\r\n\r\n").status == 421); // no Host
    CHECK(r.count("SELECT count(*) FROM sessions") == 0);
    CHECK(r.count("SELECT count(*) FROM change_log") == 0);

    // The page itself holds no data and is served to anyone on the network; its own
    // origin (and none at all, a script) may tap.
    const Reply page = send(r.port, get(r.port, "/", {}));
    CHECK(page.status == 200);
    CHECK(page.body.contains("Let-down"));
    CHECK(page.head.contains("Content-Security-Policy: default-src 'none'"));
    CHECK(send(r.port, post(r.port, good, "Origin: http://127.0.0.1:" + port + "\r\n")).status == 200);
    CHECK(r.count("SELECT count(*) FROM sessions") == 1);

    // A guesser (or another site's page on her phone, sending key-less requests): its wrong
    // keys are answered later and later, then refused at once; the right key from the same
    // address still works, at once.
    for (int i = 0; i < FailureThrottle::kBlockAfterFailures; ++i)
        send(r.port, get(r.port, "/api/v1/status", i % 2 ? QByteArray(64, 'c') : QByteArray()), 10'000);
    QElapsedTimer refused;
    refused.start();
    CHECK(send(r.port, get(r.port, "/api/v1/status", QByteArray(64, 'c'))).status == 429);
    CHECK(send(r.port, get(r.port, "/api/v1/status", QByteArray())).status == 429);
    CHECK(refused.elapsed() < 2'000); // no delay once refused: the guesser's sockets are not kept
    const Reply right = send(r.port, get(r.port, "/api/v1/status"));
    CHECK(right.status == 200);
    CHECK(send(r.port, post(r.port, r.tapBody("after-guess-01", "letdown"))).status == 200);
}

TEST_CASE(
    "Remote: a key on the desktop reaches a waiting phone at once, and a felt let-down with no feed is kept apart")
{
    RemoteRig r;
    r.server.setLongPollMs(3000);
    const QJsonObject first = send(r.port, get(r.port, "/api/v1/status")).json();
    REQUIRE(first.value("state").toString() == "idle");
    const qint64 version = first.value("version").toInteger();

    // The phone waits for news; the desktop starts a session 100 ms later.
    QTcpSocket phone;
    QByteArray received;
    QObject::connect(&phone, &QTcpSocket::readyRead, [&] { received += phone.readAll(); });
    phone.connectToHost(QHostAddress::LocalHost, r.port);
    phone.write(get(r.port, "/api/v1/status?after=" + QByteArray::number(version)));
    QTest::qWait(100);
    CHECK(received.isEmpty()); // nothing new yet: the request waits
    REQUIRE(r.commands.startOrStop());
    CHECK(QTest::qWaitFor([&] { return wholeResponse(received); }, 2000));
    const QJsonObject news = QJsonDocument::fromJson(received.mid(received.indexOf("\r\n\r\n") + 4)).object();
    CHECK(news.value("state").toString() == "running");
    CHECK(news.value("version").toInteger() > version);

    // Nothing happens: the wait ends after the long-poll time with the same state.
    const qint64 now = news.value("version").toInteger();
    const Reply quiet = send(r.port, get(r.port, "/api/v1/status?after=" + QByteArray::number(now)), 6000);
    CHECK(quiet.status == 200);
    CHECK(quiet.json().value("version").toInteger() == now);

    // A let-down with no session: refused while one runs, stored apart once it is stopped.
    CHECK(r.spontaneous("tap-spont-0001").status == 409);
    REQUIRE(r.commands.startOrStop());
    r.rig.clock.advance(3'600'000);
    CHECK(r.spontaneous("tap-spont-0002", 30'000).status == 200);
    CHECK(r.count("SELECT count(*) FROM spontaneous_letdowns") == 1);
    CHECK(r.count("SELECT at_utc_ms FROM spontaneous_letdowns") == r.rig.clock.wallUtcMs() - 30'000);
    CHECK(r.count("SELECT count(*) FROM ejections") == 0);
    CHECK(r.count("SELECT count(*) FROM sessions") == 1);
}

TEST_CASE("Pairing code: the address with its key fits a QR code, and the terminal version has its quiet zone")
{
    const QrCode code = QrCode::encode(QStringLiteral("http://192.168.178.20:8717/#k=") + QString(64, u'a'));
    REQUIRE_FALSE(code.isNull());
    CHECK(code.size >= 29); // version 3 or more for ~100 characters
    CHECK(code.modules.size() == code.size * code.size);
    // The finder pattern's corner module is dark, the one inside its white ring light.
    CHECK(code.dark(0, 0));
    CHECK_FALSE(code.dark(1, 1));
    const QStringList lines = code.toTerminalText().split(u'\n', Qt::SkipEmptyParts);
    CHECK(lines.size() == (code.size + 4 + 1) / 2);
    CHECK(lines.first().size() == code.size + 4);
}

TEST_CASE("Remote: a connection stays open for the next request (as browsers keep it), and closes when asked")
{
    RemoteRig r;
    QTcpSocket phone;
    QByteArray received;
    QObject::connect(&phone, &QTcpSocket::readyRead, [&] { received += phone.readAll(); });
    phone.connectToHost(QHostAddress::LocalHost, r.port);
    const auto exchange = [&](const QByteArray &request) {
        received.clear();
        phone.write(request);
        REQUIRE(QTest::qWaitFor([&] { return wholeResponse(received); }, 5000));
        return received;
    };
    CHECK(exchange(httpGet(r.port, "/api/v1/status", kKey)).contains("Connection: keep-alive"));
    CHECK(exchange(post(r.port, r.tapBody("keep-start-01", "start"))).startsWith("HTTP/1.1 200"));
    CHECK(phone.state() == QAbstractSocket::ConnectedState);
    CHECK(r.count("SELECT count(*) FROM sessions") == 1);

    // Two requests in one write (pipelined): answered one after the other, in order.
    r.rig.clock.advance(5000);
    received.clear();
    phone.write(post(r.port, r.tapBody("keep-letdown-1", "letdown")) + httpGet(r.port, "/api/v1/status", kKey));
    REQUIRE(QTest::qWaitFor([&] { return received.count("HTTP/1.1 200") == 2 && received.endsWith("}"); }, 5000));
    CHECK(received.indexOf("\"result\":\"recorded\"") < received.lastIndexOf("HTTP/1.1 200"));
    CHECK(r.count("SELECT count(*) FROM ejections") == 1);

    // Each request on an open connection must name this machine, not only the first one.
    received.clear();
    phone.write("GET /api/v1/status HTTP/1.1\r\nHost: rebound.example:" + QByteArray::number(r.port) + "\r\n"
        + bearer(kKey) + "\r\n");
    REQUIRE(QTest::qWaitFor([&] { return wholeResponse(received); }, 5000));
    CHECK(received.startsWith("HTTP/1.1 421"));
    CHECK(exchange(httpGet(r.port, "/api/v1/status", kKey)).startsWith("HTTP/1.1 200"));

    // "Connection: close": answered, then closed.
    received.clear();
    phone.write("GET /api/v1/status HTTP/1.1\r\nHost: 127.0.0.1:" + QByteArray::number(r.port) + "\r\n" + bearer(kKey)
        + "Connection: close\r\n\r\n");
    CHECK(QTest::qWaitFor([&] { return phone.state() == QAbstractSocket::UnconnectedState; }, 5000));
    CHECK(received.contains("Connection: close"));
}

TEST_CASE("Remote: after the data file is replaced (a restored backup), taps it never saw are taken again")
{
    RemoteRig r;
    REQUIRE(r.tap("restore-start-1", "start").status == 200);
    r.rig.clock.advance(30'000);
    REQUIRE(r.tap("restore-tap-01", "letdown").status == 200);
    // The backup she restores was taken before that let-down.
    r.rig.db.exec("DELETE FROM ejections");
    r.rig.db.exec("DELETE FROM change_log");
    r.journal.fileReplaced();
    r.rig.clock.advance(2'000);
    const Reply again = r.tap("restore-tap-01", "letdown", 2'000);
    CHECK(again.json().value("result").toString() == "recorded");
    CHECK(r.count("SELECT count(*) FROM ejections") == 1);
    CHECK(r.count("SELECT count(*) FROM change_log WHERE receipt_id = 'restore-tap-01'") == 1);
}

TEST_CASE("Remote: a tap kept on the phone arrives after a later key press and still counts, in its place")
{
    RemoteRig r;
    REQUIRE(r.tap("late-start-001", "start").status == 200);
    r.rig.clock.advance(100'000);
    // The phone was offline at 100 s; she pressed L on the desktop at 150 s; the phone's tap
    // arrives at 160 s.
    r.rig.clock.advance(50'000);
    REQUIRE(r.commands.letdown());
    r.rig.clock.advance(10'000);
    REQUIRE(r.tap("late-letdown-1", "letdown", 60'000).status == 200);
    CHECK(r.count("SELECT count(*) FROM ejections") == 2);
    CHECK(r.count("SELECT min(offset_ms) FROM ejections") == 100'000);
    const QList<Letdown> shown = r.rig.recorder.currentSession().letdowns;
    REQUIRE(shown.size() == 2);
    CHECK(shown[0].offsetMs == 100'000); // in time order on screen too
    CHECK(shown[1].offsetMs == 150'000);
    // Within a second of one already there, it is the same let-down (a double tap).
    REQUIRE(r.tap("late-letdown-2", "letdown", 60'500).status == 200);
    CHECK(r.count("SELECT count(*) FROM ejections") == 2);
}

TEST_CASE("Remote: the last feed is the newest stored one, and a failed read of it is said, not shown as none")
{
    RemoteRig r;
    const QJsonObject none = send(r.port, get(r.port, "/api/v1/status")).json();
    CHECK(none.value("last_feed").isNull());
    CHECK_FALSE(none.contains("last_feed_error"));

    const Session stored = finishedSession(SessionKind::Pumping, berlin(2026, 11, 28, 22, 15), {60, 200});
    REQUIRE(r.rig.store.saveSession(stored, {}));
    const QJsonObject status = send(r.port, get(r.port, "/api/v1/status")).json();
    const QJsonObject last = status.value("last_feed").toObject();
    CHECK(last.value("kind").toString() == "pumping");
    CHECK(last.value("started_at_ms").toInteger() == stored.startedAtUtcMs);
    CHECK_FALSE(status.contains("last_feed_error"));

    // Another program renamed the table under it: the phone hears that the read failed.
    r.rig.db.exec("ALTER TABLE sessions RENAME TO sessions_elsewhere");
    const QJsonObject failed = send(r.port, get(r.port, "/api/v1/status")).json();
    CHECK(failed.value("last_feed").isNull());
    CHECK_THAT(failed.value("last_feed_error").toString().toStdString(), Catch::Contains("sessions"));
}

TEST_CASE("Remote: two let-downs kept on the phone across a side switch are two, each on its own side and moment")
{
    RemoteRig r;
    REQUIRE(r.tap("merge-start-01", "start", 0, ",\"side\":\"left\"").status == 200);
    r.rig.clock.advance(8'000);
    REQUIRE(r.tap("merge-switch-1", "switch_side").status == 200);
    r.rig.clock.advance(500);
    // Tapped 6 s and 3 s before the switch (so 6.5 s and 3.5 s ago), sent only now.
    const Reply first = r.tap("merge-tap-0001", "letdown", 6'500);
    const Reply second = r.tap("merge-tap-0002", "letdown", 3'500);
    CHECK(first.json().value("result").toString() == "recorded");
    CHECK(second.json().value("result").toString() == "recorded");
    CHECK(r.count("SELECT count(*) FROM ejections WHERE side = 'left'") == 2);
    CHECK(r.count("SELECT min(offset_ms) FROM ejections") == 2'000);
    CHECK(r.count("SELECT max(offset_ms) FROM ejections") == 5'000);
    CHECK(r.count("SELECT count(*) FROM change_log WHERE receipt_id LIKE 'merge-tap-%'") == 2);
}

TEST_CASE("Remote: clients that hold many half-sent requests never starve the phone")
{
    RemoteRig r;
    // One client on 127.0.0.2 opens 80 connections and sends each only half a request;
    // others on 127.0.0.3 ... 127.0.0.9 hold 10 each (more than all the places there are).
    std::vector<std::unique_ptr<QTcpSocket>> dawdlers;
    const auto dawdle = [&](const QString &from, int count) {
        for (int i = 0; i < count; ++i) {
            auto socket = std::make_unique<QTcpSocket>();
            if (!socket->bind(QHostAddress(from), 0))
                return false;
            socket->connectToHost(QHostAddress::LocalHost, r.port);
            REQUIRE(socket->waitForConnected(2'000));
            socket->write("GET /api/v1/status HTTP/1.1\r\nHost: 127.0.0.1:");
            socket->flush();
            QCoreApplication::processEvents(); // the server takes it in
            dawdlers.push_back(std::move(socket));
        }
        return true;
    };
    if (!dawdle(QStringLiteral("127.0.0.2"), 80))
        LETDOWN_SKIP("this machine does not let a socket use 127.0.0.2 as its address");
    for (int host = 3; host <= 9; ++host)
        REQUIRE(dawdle(QStringLiteral("127.0.0.%1").arg(host), 10));
    QCoreApplication::processEvents();

    // The phone (127.0.0.1) is answered every time, within the test client's 5 s each.
    int answered = 0;
    for (int i = 0; i < 40; ++i)
        answered += send(r.port, get(r.port, "/api/v1/status")).status == 200 ? 1 : 0;
    CHECK(answered == 40);
    const Reply tap = r.tap("dawdle-start-1", "start");
    CHECK(tap.status == 200);
}

TEST_CASE("Remote: a tap_id is the whole text - one ending in a newline is refused, not stored with it")
{
    RemoteRig r;
    const QByteArray body = "{\"tap_id\":\"newline-tap-01\\n\",\"action\":\"start\"}";
    const Reply refused = send(r.port, post(r.port, body));
    CHECK(refused.status == 400);
    CHECK(refused.json().value("message").toString().contains("8 to 64 letters"));
    CHECK(r.count("SELECT count(*) FROM sessions") == 0);
    CHECK(r.count("SELECT count(*) FROM change_log") == 0);
    CHECK(send(r.port, post(r.port, r.tapBody("newline-tap-01", "start"))).status == 200);
}

TEST_CASE("Remote: a scale's readings go to the live pumping session, with the same key, and bad ones are refused")
{
    RemoteRig remote;
    LiveScale scale(remote.journal);
    remote.server.setLiveScale(&scale);
    const auto readingsJson = [&](qint64 fromUtcMs, int count, double grams) {
        QByteArrayList samples;
        for (int i = 0; i < count; ++i)
            samples << "{\"at\":\""
                    + QDateTime::fromMSecsSinceEpoch(fromUtcMs + i * 1000, Qt::UTC).toString(Qt::ISODateWithMs).toLatin1()
                    + "\",\"grams\":" + QByteArray::number(grams + 0.1 * i, 'f', 1) + "}";
        return "{\"samples\":[" + samples.join(',') + "]}";
    };
    const auto postReadings = [&](const QByteArray &body, const QByteArray &key = kKey) {
        return send(remote.port, httpPostTap(remote.port, body, key, {}, "/api/v1/scale"));
    };
    // No session: said so, nothing kept.
    Reply reply = postReadings(readingsJson(remote.rig.clock.wallUtcMs(), 3, 120));
    CHECK(reply.status == 409);
    CHECK(reply.json()["result"].toString() == "no_session");

    REQUIRE(remote.tap("scale-start-0001", "start", 0, ",\"kind\":\"pumping\"").status == 200);
    const qint64 startUtcMs = remote.rig.recorder.currentSession().startedAtUtcMs;
    remote.rig.clock.advance(200'000);
    // 200 readings in one request: more than the 4 KB a tap may send.
    const QByteArray batch = readingsJson(startUtcMs + 1000, 200, 120);
    REQUIRE(batch.size() > Http::kMaxBodyBytes);
    reply = postReadings(batch);
    INFO(reply.body.toStdString());
    REQUIRE(reply.status == 200);
    CHECK(reply.json()["taken"].toInt() == 200);
    CHECK(scale.samples().size() == 200);
    // Sent again (a lost answer): nothing taken twice.
    reply = postReadings(batch);
    CHECK(reply.json()["taken"].toInt() == 0);
    CHECK(reply.json()["skipped"].toInt() == 200);

    CHECK(postReadings(batch, QByteArray(64, 'b')).status == 401); // the wrong key
    CHECK(postReadings("{\"samples\":[{\"at\":\"yesterday\",\"grams\":1}]}").status == 400);
    CHECK(postReadings("{\"samples\":[{\"at\":\"2026-12-06T10:00:00Z\",\"grams\":\"heavy\"}]}").status == 400);
    CHECK(postReadings("{\"samples\":[],\"extra\":1}").status == 400);
    CHECK(postReadings(readingsJson(remote.rig.clock.wallUtcMs() + 3600'000, 1, 100)).status == 422); // the future
    CHECK(postReadings(readingsJson(remote.rig.clock.wallUtcMs(), 1, 1e9)).status == 422);
    CHECK(send(remote.port, httpPostTap(remote.port, QByteArray(300 * 1024, ' '), kKey, {}, "/api/v1/scale")).status == 413);
    CHECK(scale.samples().size() == 200);
}

TEST_CASE("Remote: a tap_id has 8 to 64 ASCII letters, digits, '-' or '_', and nothing else")
{
    RemoteRig r;
    const auto status = [&](const QString &id) {
        QJsonObject body {{"tap_id", id}, {"action", "letdown"}};
        return send(r.port, post(r.port, QJsonDocument(body).toJson(QJsonDocument::Compact))).status;
    };
    // No session runs: a well-formed id gets past the check to "no session" (409).
    CHECK(status(QString(8, u'a')) == 409);
    CHECK(status(QString(64, u'Z')) == 409);
    CHECK(status(QStringLiteral("tap_0-9-AZaz")) == 409);
    CHECK(status(QString(7, u'a')) == 400);
    CHECK(status(QString(65, u'a')) == 400);
    CHECK(status(QStringLiteral("tap.with.dots")) == 400);
    CHECK(status(QStringLiteral("tap with space")) == 400);
    CHECK(status(QStringLiteral("caf\u00e9-tap-01")) == 400); // a letter, but not ASCII
    CHECK(status(QString()) == 400);
    CHECK(r.count("SELECT count(*) FROM ejections") == 0);
}

TEST_CASE("Remote: the state and the answers are the very text Qt writes for their members, in every state")
{
    RemoteRig r;
    // Written directly (RemoteServer::state): read back and written again by Qt, the same bytes.
    const auto canonical = [](const QByteArray &body) {
        return QJsonDocument::fromJson(body).toJson(QJsonDocument::Compact);
    };
    QList<Reply> replies;
    replies << send(r.port, get(r.port, "/api/v1/status")); // nothing yet
    REQUIRE(r.rig.store.saveSession(finishedSession(SessionKind::Pumping, berlin(2026, 11, 28, 22, 15), {60}), {}));
    replies << send(r.port, get(r.port, "/api/v1/status")); // a stored last feed
    replies << r.tap("canon-start-01", "start") << r.tap("canon-letdown1", "letdown")
            << r.tap("canon-pause-01", "pause") << r.tap("canon-resume-1", "resume") << r.tap("canon-stop-001", "stop")
            << send(r.port, get(r.port, "/api/v1/status"))
            << r.tap("canon-explode1", "explode"); // an error answer, without a state
    RemoteRig other;
    other.rig.db.exec("ALTER TABLE sessions RENAME TO sessions_elsewhere");
    replies << send(other.port, get(other.port, "/api/v1/status")); // a failed read, said in the state
    for (const Reply &reply : replies) {
        INFO(reply.body.constData());
        REQUIRE(reply.status != 0);
        CHECK(reply.body == canonical(reply.body));
    }
    const QJsonObject running = replies[3].json();
    CHECK(running.value("ok").toBool());
    CHECK(running.value("status").toObject().value("session").toObject().value("letdowns").toInt() == 1);
    CHECK(running.value("status").toObject().value("state").toString() == "running");
    const QJsonObject stopped = replies[7].json();
    CHECK(stopped.value("state").toString() == "stopped");
    CHECK(stopped.contains("resume_until_ms"));
    CHECK(stopped.value("last_feed").toObject().value("running") == false);
    CHECK(replies.last().json().contains("last_feed_error"));
}
