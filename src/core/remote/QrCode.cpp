#include "remote/QrCode.h"

#include <qrencode.h>

QrCode QrCode::encode(const QString &text)
{
    const QByteArray utf8 = text.toUtf8();
    QRcode *code = QRcode_encodeString8bit(utf8.constData(), 0, QR_ECLEVEL_M);
    QrCode out;
    if (!code)
        return out;
    out.size = code->width;
    out.modules.reserve(code->width * code->width);
    for (int i = 0; i < code->width * code->width; ++i)
        out.modules.append((code->data[i] & 1) != 0);
    QRcode_free(code);
    return out;
}

QString QrCode::toTerminalText() const
{
    constexpr int kQuiet = 2;
    const auto light = [&](int x, int y) { return x < 0 || y < 0 || x >= size || y >= size || !dark(x, y); };
    QString out;
    for (int y = -kQuiet; y < size + kQuiet; y += 2) {
        for (int x = -kQuiet; x < size + kQuiet; ++x) {
            const bool top = light(x, y);
            const bool bottom = light(x, y + 1);
            out += top && bottom ? QChar(0x2588) : top ? QChar(0x2580) : bottom ? QChar(0x2584) : QChar(u' ');
        }
        out += u'\n';
    }
    return out;
}
