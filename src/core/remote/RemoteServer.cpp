#include "remote/RemoteServer.h"

#include "base/JsonText.h"

#include "scalefeed/LiveScale.h"

#include "commands/SessionCommands.h"
#include "journal/Journal.h"
#include "base/Clock.h"
#include "domain/TimeFormat.h"
#include "recorder/SessionRecorder.h"
#include "storage/SessionStore.h"

#include <QDateTime>
#include <QFile>
#include <QJsonDocument>
#include <QJsonParseError>
#include <algorithm>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>

static void initRemotePage()
{
    Q_INIT_RESOURCE(remote_page); // the page lives in this static library
}

// What the API says is English, like the page that shows it (and like the command line):
// the words of a German desktop would not fit an English page.
namespace {
QString stateKey(SessionRecorder::State state)
{
    switch (state) {
    case SessionRecorder::State::Idle: return QStringLiteral("idle");
    case SessionRecorder::State::Running: return QStringLiteral("running");
    case SessionRecorder::State::Paused: return QStringLiteral("paused");
    case SessionRecorder::State::Stopped: return QStringLiteral("stopped");
    }
    return {};
}

// The actions of POST /api/v1/session (docs/remote-api.md); the journal knows more steps.
// A let-down without a feed has an endpoint of its own.
const QStringList kSessionActions = {QStringLiteral("start"), QStringLiteral("stop"), QStringLiteral("pause"),
    QStringLiteral("resume"), QStringLiteral("switch_side"), QStringLiteral("letdown"), QStringLiteral("resume_stopped")};

// Whether an Accept-Language header ("de-DE,de;q=0.9,en;q=0.8") puts German before English
// (the only two languages the page has): the language with the highest weight wins, the
// earlier one on a tie.
bool prefersGerman(const QByteArray &acceptLanguage)
{
    QByteArray best;
    double bestWeight = -1;
    for (const QByteArray &part : acceptLanguage.split(',')) {
        const QList<QByteArray> fields = part.trimmed().split(';');
        const QByteArray language = fields.value(0).trimmed().toLower().left(2);
        double weight = 1;
        for (const QByteArray &field : fields.mid(1))
            if (field.trimmed().startsWith("q="))
                weight = field.trimmed().mid(2).toDouble();
        if ((language == "de" || language == "en") && weight > bestWeight) {
            best = language;
            bestWeight = weight;
        }
    }
    return best == "de";
}

QString hostText(const QHostAddress &address)
{
    return address.protocol() == QAbstractSocket::IPv6Protocol
        ? QLatin1Char('[') + address.toString() + QLatin1Char(']')
        : address.toString();
}

QJsonObject message(bool ok, const QString &result, const QString &text)
{
    // A tap's usual answer, built once (a copy shares it): building it was a twentieth of a
    // remote tap's instructions.
    static const QJsonObject recorded {
        {QStringLiteral("ok"), true}, {QStringLiteral("result"), QStringLiteral("recorded")}};
    if (ok && text.isEmpty() && result == QLatin1String("recorded"))
        return recorded;
    QJsonObject body {{QStringLiteral("ok"), ok}, {QStringLiteral("result"), result}};
    if (!text.isEmpty())
        body.insert(QStringLiteral("message"), text);
    return body;
}

// 8 to 64 ASCII letters, digits, '-' or '_' (a loop: a regular expression matched here cost
// a remote tap more than its JSON).
bool isTapId(QStringView text)
{
    if (text.size() < 8 || text.size() > 64)
        return false;
    return std::all_of(text.begin(), text.end(), [](QChar c) {
        const char16_t u = c.unicode();
        return (u >= 'A' && u <= 'Z') || (u >= 'a' && u <= 'z') || (u >= '0' && u <= '9') || u == '-' || u == '_';
    });
}

// An instant as ISO 8601 with the offset she had then (what scripts and Home Assistant read).
QString isoTime(qint64 utcMs, int utcOffsetS)
{
    return isoTimeWithMs(utcMs, utcOffsetS);
}
} // namespace

RemoteServer::RemoteServer(Journal &journal, QObject *parent)
    : QObject(parent)
    , m_journal(journal)
    , m_commands(journal.steps())
    , m_store(journal.store())
    , m_clock(journal.clock())
    , m_throttle(journal.clock())
{
    initRemotePage();
    connect(&journal, &Journal::changed, this, &RemoteServer::stateChanged);
    // Live redraws between changes (a retry that saved, the next session's choices).
    connect(&journal.recorder(), &SessionRecorder::changed, this, &RemoteServer::stateChanged);
    connect(&m_commands, &SessionCommands::nextSessionChanged, this, &RemoteServer::stateChanged);
}

RemoteServer::~RemoteServer()
{
    close();
}

bool RemoteServer::listen(const QList<QHostAddress> &addresses, quint16 port, QString &error)
{
    close();
    if (addresses.isEmpty()) {
        error = QStringLiteral("No address to listen on.");
        return false;
    }
    for (const QHostAddress &address : addresses) {
        auto *server = new QTcpServer(this);
        server->setMaxPendingConnections(kMaxConnections);
        if (!server->listen(address, port)) {
            error = QStringLiteral("Cannot listen on %1 port %2: %3")
                        .arg(address.toString())
                        .arg(port)
                        .arg(server->errorString());
            delete server;
            close();
            return false;
        }
        port = server->serverPort(); // the others take the same port
        connect(server, &QTcpServer::newConnection, this, [this, server] { accept(server); });
        m_servers.append(server);
    }
    m_port = port;
    return true;
}

void RemoteServer::close()
{
    qDeleteAll(m_servers); // open connections are the servers' children and go with them
    m_servers.clear();
    m_waiting.clear();
    m_port = 0;
}

QList<QHostAddress> RemoteServer::addresses() const
{
    QList<QHostAddress> list;
    for (const QTcpServer *server : m_servers)
        list.append(server->serverAddress());
    return list;
}

QList<QUrl> RemoteServer::pairingUrls() const
{
    QList<QUrl> urls;
    for (const QHostAddress &address : addresses())
        urls.append(QUrl(QStringLiteral("http://%1:%2/#secret=%3")
                             .arg(hostText(address))
                             .arg(m_port)
                             .arg(QString::fromLatin1(m_secret))));
    return urls;
}

void RemoteServer::accept(QTcpServer *server)
{
    while (QTcpSocket *socket = server->nextPendingConnection()) {
        socket->setParent(nullptr); // not counted until it is given a place
        if (!makeRoomFor(socket->peerAddress())) {
            socket->abort();
            socket->deleteLater();
            continue;
        }
        socket->setParent(server);
        static quint64 accepted = 0;
        Connection &connection = m_connections[socket];
        connection.acceptedOrder = ++accepted;
        connection.peerText = socket->peerAddress().toString();
        connect(socket, &QObject::destroyed, this, [this, socket] { m_connections.remove(socket); });
        connect(socket, &QTcpSocket::readyRead, this, [this, socket] { readFrom(socket); });
        connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
        // A request must arrive whole within a few seconds (a slow sender holds nothing
        // open), and a connection kept open between requests closes when idle that long.
        connection.idle = new QTimer(socket);
        connection.idle->setSingleShot(true);
        connection.idle->setInterval(kRequestTimeoutMs);
        connect(connection.idle, &QTimer::timeout, socket, [this, socket] {
            const Connection &idle = m_connections[socket];
            if (idle.busy)
                return;
            if (idle.served && idle.buffer.isEmpty())
                socket->disconnectFromHost(); // an idle kept-alive connection
            else
                sendJson(
                    socket, 408, message(false, QStringLiteral("error"), QStringLiteral("The request took too long.")));
        });
        connection.idle->start();
    }
}

QList<QTcpSocket *> RemoteServer::openConnections() const
{
    QList<QTcpSocket *> open;
    for (const QTcpServer *server : m_servers)
        for (QTcpSocket *socket : server->findChildren<QTcpSocket *>(Qt::FindDirectChildrenOnly))
            if (socket->state() == QAbstractSocket::ConnectedState)
                open << socket;
    return open;
}

bool RemoteServer::makeRoomFor(const QHostAddress &peer)
{
    const QList<QTcpSocket *> open = openConnections();
    QList<QTcpSocket *> peers;
    for (QTcpSocket *socket : open)
        if (socket->peerAddress().isEqual(peer))
            peers << socket;
    const bool peerFull = peers.size() >= kMaxConnectionsPerAddress;
    if (!peerFull && open.size() < kMaxConnections)
        return true;
    // The oldest connection that is not being answered (a long poll waits as "busy": kept).
    QTcpSocket *oldest = nullptr;
    for (QTcpSocket *socket : peerFull ? peers : open)
        if (!m_connections[socket].busy
            && (!oldest || m_connections[socket].acceptedOrder < m_connections[oldest].acceptedOrder))
            oldest = socket;
    if (!oldest)
        return false;
    oldest->abort(); // nothing of a request is lost: none was being answered on it
    oldest->setParent(nullptr);
    oldest->deleteLater();
    return true;
}

void RemoteServer::readFrom(QTcpSocket *socket)
{
    m_connections[socket].buffer += socket->readAll();
    takeNextRequest(socket);
}

void RemoteServer::takeNextRequest(QTcpSocket *socket)
{
    Connection &connection = m_connections[socket];
    if (connection.busy)
        return; // one at a time: the next is taken once this one is answered
    HttpRequest request;
    const Http::ParseOutcome outcome = Http::takeRequest(connection.buffer, request);
    if (outcome.status == 0)
        return;
    connection.busy = true;
    if (connection.idle)
        connection.idle->stop();
    connection.keepAlive = outcome.status == 200 && request.keepAlive;
    if (outcome.status != 200)
        sendJson(socket, outcome.status, message(false, QStringLiteral("error"), QString::fromUtf8(outcome.error)));
    else
        handle(socket, request);
}

bool RemoteServer::hostAllowed(const QByteArray &host) const
{
    // The Host header must name this machine: a page of another site that resolves its
    // own name to this address (DNS rebinding) is refused.
    const QString given = QString::fromLatin1(host).toLower();
    const QString port = QStringLiteral(":%1").arg(m_port);
    for (const QHostAddress &address : addresses()) {
        if (given == hostText(address).toLower() + port)
            return true;
        if (address.isLoopback() && given == QStringLiteral("localhost") + port)
            return true;
    }
    for (const QString &name : m_hostNames)
        if (given == name.toLower() + port)
            return true;
    return false;
}

void RemoteServer::handle(QTcpSocket *socket, const HttpRequest &request)
{
    // A connection's later requests name the same host: checked once, then compared.
    Connection &connection = m_connections[socket];
    const QByteArray host = request.header("host");
    if (host.isEmpty() || host != connection.allowedHost) {
        if (!hostAllowed(host))
            return sendJson(socket, 421,
                message(false, QStringLiteral("error"),
                    QStringLiteral("This remote answers only to this computer's own address.")));
        connection.allowedHost = host;
    }
    if (request.path.startsWith("/api/"))
        return handleApi(socket, request);
    static const QHash<QByteArray, QPair<QString, QByteArray>> files = {
        {"/", {QStringLiteral(":/remote/index.html"), "text/html; charset=utf-8"}},
        {"/app.js", {QStringLiteral(":/remote/app.js"), "text/javascript; charset=utf-8"}},
        {"/app.css", {QStringLiteral(":/remote/app.css"), "text/css; charset=utf-8"}},
    };
    const auto file = files.constFind(request.path);
    if (file == files.constEnd())
        return sendJson(socket, 404, message(false, QStringLiteral("error"), QStringLiteral("Nothing here.")));
    if (request.method != "GET" && request.method != "HEAD")
        return sendJson(socket, 405, message(false, QStringLiteral("error"), QStringLiteral("Only GET here.")));
    QFile page(file->first);
    page.open(QIODevice::ReadOnly);
    QByteArray body = page.readAll();
    // The page speaks the phone's language where Letdown has it: its script reads the
    // language from <html lang> (a German phone gets the window's German words).
    if (request.path == "/" && prefersGerman(request.header("accept-language")))
        body.replace("<html lang=\"en\">", "<html lang=\"de\">");
    // No external resources, no inline script: the page runs only its own files.
    send(socket, 200, file->second, request.method == "HEAD" ? QByteArray() : body,
        {{"Content-Security-Policy",
             "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self' data:;"
             " base-uri 'none'; form-action 'none'; frame-ancestors 'none'"},
            {"Vary", "Accept-Language"}});
}

void RemoteServer::handleApi(QTcpSocket *socket, const HttpRequest &request)
{
    const QHostAddress peer = socket->peerAddress();
    const QByteArray authorization = request.header("authorization");
    const QByteArray given = authorization.startsWith("Bearer ") ? authorization.mid(7).trimmed() : QByteArray();
    if (!RemoteAccess::sameSecret(given, m_secret)) {
        // Guessing costs the guesser only: wrong or missing keys from an address are answered
        // later and later, then refused at once, while the right key from the same address
        // (her phone, where another site's page may be sending key-less requests) always works.
        if (m_throttle.isBlocked(peer))
            return sendJson(socket, 429,
                message(false, QStringLiteral("error"),
                    QStringLiteral("Too many wrong keys from this address: try again later.")));
        const qint64 delayMs = m_throttle.delayMsFor(peer);
        m_throttle.recordFailure(peer);
        const QJsonObject body = message(false, QStringLiteral("unauthorized"),
            QStringLiteral("This phone is not paired (or was forgotten): scan the code in Letdown again."));
        QTimer::singleShot(delayMs, socket, [this, socket, body] { sendJson(socket, 401, body); });
        return;
    }
    m_throttle.recordSuccess(peer);
    emit phoneSeen(m_connections[socket].peerText);
    if (request.path == "/api/v1/status") {
        if (request.method != "GET")
            return sendJson(socket, 405, message(false, QStringLiteral("error"), QStringLiteral("Only GET here.")));
        return answerState(socket, request);
    }
    const bool session = request.path == "/api/v1/session";
    const bool spontaneous = request.path == "/api/v1/letdown/spontaneous";
    const bool scale = request.path == "/api/v1/scale";
    if (session || spontaneous || scale) {
        if (request.method != "POST")
            return sendJson(socket, 405, message(false, QStringLiteral("error"), QStringLiteral("Only POST here.")));
        // A state change needs the page's own origin, or none (a script or a button box).
        const QByteArray origin = request.header("origin");
        if (request.hasHeader("origin") && origin != "http://" + request.header("host"))
            return sendJson(socket, 403,
                message(false, QStringLiteral("error"), QStringLiteral("Taps come from the remote's own page.")));
        const Answer answer = scale ? scaleReadings(request) : tap(request, spontaneous);
        // The answer with the state, both written directly.
        return sendJson(socket, answer.status, compactObjectWith(answer.body, QLatin1StringView("status"), state()));
    }
    sendJson(socket, 404,
        message(false, QStringLiteral("error"), QStringLiteral("No such API (this is version 1: /api/v1/...).")));
}

void RemoteServer::answerState(QTcpSocket *socket, const HttpRequest &request)
{
    bool numeric = false;
    const qint64 after = request.queryValue("after").toLongLong(&numeric);
    if (!numeric || after != m_version)
        return sendJson(socket, 200, state());
    // Nothing new yet: answer on the next change, or with the same state after a while
    // (a phone that went to sleep never leaves a request hanging for long).
    m_waiting.removeAll(nullptr);
    m_waiting.append(socket);
    QTimer::singleShot(m_longPollMs, socket, [this, socket] {
        if (m_waiting.removeAll(socket) > 0)
            sendJson(socket, 200, state());
    });
}

RemoteServer::Answer RemoteServer::tap(const HttpRequest &request, bool spontaneous)
{
    const auto bad = [](const QString &text) { return Answer {400, message(false, QStringLiteral("error"), text)}; };
    if (!request.header("content-type").toLower().startsWith("application/json"))
        return {415, message(false, QStringLiteral("error"), QStringLiteral("Send the tap as application/json."))};
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(request.body, &parseError);
    if (parseError.error != QJsonParseError::NoError || !document.isObject())
        return bad(QStringLiteral("The body is not a JSON object."));
    const QJsonObject tap = document.object();
    static const QStringList sessionFields = {QStringLiteral("action"), QStringLiteral("kind"), QStringLiteral("side"),
        QStringLiteral("tap_id"), QStringLiteral("tapped_at")};
    static const QStringList spontaneousFields = {QStringLiteral("tap_id"), QStringLiteral("tapped_at")};
    const QStringList &known = spontaneous ? spontaneousFields : sessionFields;
    for (auto it = tap.constBegin(); it != tap.constEnd(); ++it)
        if (!known.contains(it.key()))
            return bad(QStringLiteral("Unknown field '%1'.").arg(it.key()));
    const QString action
        = spontaneous ? QStringLiteral("letdown_without_feed") : tap.value(QStringLiteral("action")).toString();
    if (action.isEmpty())
        return bad(QStringLiteral("Say which action: start, stop, pause, resume, switch_side or letdown."));
    const QString id = tap.value(QStringLiteral("tap_id")).toString();
    if (tap.contains(QStringLiteral("tap_id")) && !isTapId(id))
        return bad(QStringLiteral("A tap_id has 8 to 64 letters, digits, '-' or '_'."));
    // tapped_at: when her thumb touched the screen, by the phone's clock corrected to this
    // computer's (the page measures the difference on every exchange), with its offset.
    const qint64 nowUtcMs = m_clock.wallUtcMs();
    qint64 tappedAtUtcMs = nowUtcMs;
    if (tap.contains(QStringLiteral("tapped_at"))) {
        const QString text = tap.value(QStringLiteral("tapped_at")).toString();
        const QDateTime at = QDateTime::fromString(text, Qt::ISODateWithMs);
        if (!at.isValid() || (at.timeSpec() != Qt::UTC && at.timeSpec() != Qt::OffsetFromUTC))
            return bad(QStringLiteral(
                "tapped_at is an ISO 8601 time with its offset, such as 2026-11-29T03:12:05.250+01:00."));
        tappedAtUtcMs = at.toMSecsSinceEpoch();
    }

    const qint64 ageMs = nowUtcMs - tappedAtUtcMs;
    if (ageMs > kMaxTapAgeMs)
        return {422,
            message(false, QStringLiteral("too_old"),
                QStringLiteral("This tap is %1 minutes old: too late to place it at the right time. Add "
                               "it in History if it happened.")
                    .arg(ageMs / 60000))};
    if (ageMs < -kMaxTapAheadMs)
        return {422,
            message(false, QStringLiteral("clock"),
                QStringLiteral("tapped_at is %1 s ahead of this computer's clock: check the phone's time.")
                    .arg(-ageMs / 1000))};

    Journal::Request step;
    if (const auto named = Journal::stepFromKey(action); named && (spontaneous || kSessionActions.contains(action)))
        step.step = *named;
    else
        return bad(QStringLiteral("Unknown action '%1'.").arg(action));
    if (tap.contains(QStringLiteral("side"))) {
        step.side = sideFromKey(tap.value(QStringLiteral("side")).toString());
        if (!step.side)
            return bad(QStringLiteral("The side is left, right or both."));
    }
    if (tap.contains(QStringLiteral("kind"))) {
        step.kind = sessionKindFromKey(tap.value(QStringLiteral("kind")).toString());
        if (!step.kind)
            return bad(QStringLiteral("The kind is nursing or pumping."));
    }
    if ((step.kind && step.step != Journal::Step::Start)
        || (step.side && step.step != Journal::Step::Start && step.step != Journal::Step::SwitchSide))
        return bad(QStringLiteral("Only start takes a kind, and only start and switch_side take a side."));
    step.origin = Origin::Phone;
    step.receiptId = id;
    step.tappedAtMonotonicMs = m_clock.monotonicMs() - std::max<qint64>(0, ageMs);
    step.agoMs = std::max<qint64>(0, ageMs);
    // Exactly once: the journal stores the tap id with the step's effect (or, when it wrote
    // nothing, with its answer), and answers a tap id seen before with its first answer.
    const Journal::Outcome done = m_journal.apply(step);
    static const QHash<QString, int> statusOf = {{QStringLiteral("recorded"), 200},
        {QStringLiteral("unchanged"), 200}, {QStringLiteral("refused"), 409}, {QStringLiteral("no_session"), 409},
        {QStringLiteral("kept"), 503}, {QStringLiteral("failed"), 503}};
    const QString result = done.result == QLatin1String("failed") ? QStringLiteral("error") : done.result;
    QString text = done.message;
    if (done.repeated && done.result != QLatin1String("kept") && text.isEmpty())
        text = QStringLiteral("Already recorded.");
    return {statusOf.value(done.result, 409), message(done.ok(), result, text)};
}

RemoteServer::Answer RemoteServer::scaleReadings(const HttpRequest &request)
{
    const auto bad = [](const QString &text) { return Answer {400, message(false, QStringLiteral("error"), text)}; };
    if (!m_scale)
        return {404, message(false, QStringLiteral("error"), QStringLiteral("This Letdown takes no scale readings."))};
    if (!request.header("content-type").toLower().startsWith("application/json"))
        return {415, message(false, QStringLiteral("error"), QStringLiteral("Send the readings as application/json."))};
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(request.body, &parseError);
    if (parseError.error != QJsonParseError::NoError || !document.isObject())
        return bad(QStringLiteral("The body is not a JSON object."));
    const QJsonObject body = document.object();
    for (auto it = body.constBegin(); it != body.constEnd(); ++it)
        if (it.key() != QLatin1String("samples"))
            return bad(QStringLiteral("Unknown field '%1'.").arg(it.key()));
    const QJsonValue samples = body.value(QStringLiteral("samples"));
    if (!samples.isArray() || samples.toArray().isEmpty())
        return bad(QStringLiteral("Send {\"samples\": [{\"at\": \"2026-12-06T10:15:02.5+01:00\", \"grams\": 231.4}, ...]}."));
    const QJsonArray list = samples.toArray();
    if (list.size() > kMaxReadingsPerRequest)
        return {413,
            message(false, QStringLiteral("error"),
                QStringLiteral("At most %1 readings in one request.").arg(kMaxReadingsPerRequest))};
    const qint64 nowUtcMs = m_clock.wallUtcMs();
    QVector<ScaleReading> readings;
    readings.reserve(list.size());
    for (int i = 0; i < list.size(); ++i) {
        const QJsonObject sample = list[i].toObject();
        const QDateTime at = QDateTime::fromString(sample.value(QStringLiteral("at")).toString(), Qt::ISODateWithMs);
        const QJsonValue grams = sample.value(QStringLiteral("grams"));
        if (!list[i].isObject() || sample.size() != 2 || !at.isValid()
            || (at.timeSpec() != Qt::UTC && at.timeSpec() != Qt::OffsetFromUTC) || !grams.isDouble())
            return bad(QStringLiteral("Reading %1 is not {\"at\": ISO 8601 time with its offset, \"grams\": number}.")
                           .arg(i + 1));
        if (at.toMSecsSinceEpoch() - nowUtcMs > kMaxTapAheadMs)
            return {422,
                message(false, QStringLiteral("clock"),
                    QStringLiteral("Reading %1 is ahead of this computer's clock: check the scale's time.").arg(i + 1))};
        readings.append({at.toMSecsSinceEpoch(), grams.toDouble()});
    }
    QString error;
    int taken = 0;
    if (!m_scale->add(readings, error, &taken)) {
        const bool noSession = !m_commands.recorder().isLive();
        return {noSession ? 409 : 422, message(false, noSession ? QStringLiteral("no_session") : QStringLiteral("error"), error)};
    }
    QJsonObject answer = message(true, QStringLiteral("recorded"), QString());
    answer.insert(QStringLiteral("taken"), taken);
    answer.insert(QStringLiteral("skipped"), int(readings.size()) - taken);
    return {200, answer};
}

QByteArray RemoteServer::state()
{
    const SessionRecorder &recorder = m_commands.recorder();
    // Since when the last feed started (start to start, as consultants count) and on which
    // side it ended: the session shown, or else the newest stored one.
    QList<SessionSummary> recent;
    std::optional<Session> last;
    bool lastRead = true;
    if (recorder.hasSession()) {
        last = recorder.currentSession();
    } else {
        // A read that failed is said, not shown as "no feed yet".
        lastRead = m_store.loadRecentSummaries(1, recent)
            && (recent.isEmpty() || m_store.loadSession(recent.constFirst().uuid, last));
    }
    const qint64 nowUtcMs = m_clock.wallUtcMs();
    // The members in the order Qt writes them, by name (docs/remote-api.md lists them).
    JsonTextWriter json(0, 640, JsonTextWriter::Layout::Compact);
    json.beginObject();
    json.key(QLatin1StringView("last_feed"));
    if (last) {
        json.beginObject();
        json.member(QLatin1StringView("kind"), toKey(last->kind));
        json.member(QLatin1StringView("running"), !last->endedAtUtcMs.has_value());
        json.member(QLatin1StringView("side"), toKey(last->side));
        json.member(QLatin1StringView("started_at"), isoTime(last->startedAtUtcMs, last->startedUtcOffsetS));
        json.member(QLatin1StringView("started_at_ms"), last->startedAtUtcMs);
        json.endObject();
    } else {
        json.null();
    }
    if (!lastRead)
        json.member(QLatin1StringView("last_feed_error"), m_store.errorString());
    if (recorder.hasUnsavedChanges())
        json.member(QLatin1StringView("message"), recorder.lastError());
    json.key(QLatin1StringView("next"));
    json.beginObject();
    json.member(QLatin1StringView("kind"), toKey(m_commands.nextSession().kind));
    json.member(QLatin1StringView("side"), toKey(m_commands.nextSession().side));
    json.endObject();
    // A Stop can be taken back for a while (`resume_stopped`): the page offers it until then.
    if (const std::optional<qint64> untilMs = recorder.reopenableUntilUtcMs())
        json.member(QLatin1StringView("resume_until_ms"), *untilMs);
    json.member(QLatin1StringView("server_now_ms"), nowUtcMs);
    json.member(QLatin1StringView("server_time"), isoTime(nowUtcMs, m_clock.utcOffsetS(nowUtcMs)));
    if (recorder.hasSession()) {
        const Session &session = *last; // the session shown
        json.key(QLatin1StringView("session"));
        json.beginObject();
        json.member(QLatin1StringView("elapsed_ms"), session.activeMs);
        json.member(QLatin1StringView("kind"), toKey(session.kind));
        json.member(QLatin1StringView("letdowns"), int(session.letdowns.size()));
        json.member(QLatin1StringView("side"), toKey(session.side));
        json.member(QLatin1StringView("started_at"), isoTime(session.startedAtUtcMs, session.startedUtcOffsetS));
        json.member(QLatin1StringView("started_at_ms"), session.startedAtUtcMs);
        json.endObject();
    }
    json.member(QLatin1StringView("state"), stateKey(recorder.state()));
    json.member(QLatin1StringView("unsaved"), recorder.hasUnsavedChanges());
    json.member(QLatin1StringView("version"), qint64(m_version));
    json.endObject();
    return json.text();
}

void RemoteServer::stateChanged()
{
    ++m_version;
    const QList<QPointer<QTcpSocket>> waiting = std::exchange(m_waiting, {});
    if (waiting.isEmpty())
        return;
    const QByteArray now = state();
    for (const QPointer<QTcpSocket> &socket : waiting)
        if (socket)
            sendJson(socket, 200, now);
}

void RemoteServer::send(QTcpSocket *socket, int status, const QByteArray &contentType, const QByteArray &body,
    const QList<QPair<QByteArray, QByteArray>> &extraHeaders)
{
    Connection &connection = m_connections[socket];
    socket->write(Http::response(status, contentType, body, extraHeaders, connection.keepAlive));
    // Handed to the system now: QTcpSocket would otherwise write it only on the event loop's
    // next pass (a wake-up and a poll more before the phone hears that its tap is stored).
    socket->flush();
    connection.served = true;
    if (!connection.keepAlive) {
        connection.busy = true; // nothing more is read from it
        socket->disconnectFromHost(); // after the bytes are written
        return;
    }
    connection.busy = false;
    if (connection.idle)
        connection.idle->start();
    // A request that came while this one was answered (pipelined) is taken next, from the
    // event loop rather than from inside this answer.
    if (!connection.buffer.isEmpty())
        QMetaObject::invokeMethod(
            this,
            [this, socket = QPointer<QTcpSocket>(socket)] {
                if (socket)
                    takeNextRequest(socket);
            },
            Qt::QueuedConnection);
}

void RemoteServer::sendJson(QTcpSocket *socket, int status, QJsonObject body)
{
    send(socket, status, "application/json", QJsonDocument(body).toJson(QJsonDocument::Compact));
}

void RemoteServer::sendJson(QTcpSocket *socket, int status, const QByteArray &compactJson)
{
    send(socket, status, "application/json", compactJson);
}
