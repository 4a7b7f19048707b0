#pragma once

#include <QList>
#include <QString>

// A QR code's modules (true: dark), drawn by libqrencode; empty when the text cannot be
// encoded. Medium error correction: a phone camera reads it off a screen at arm's length.
struct QrCode {
    int size = 0; // modules per side, without the quiet zone
    QList<bool> modules; // row by row

    static QrCode encode(const QString &text);
    bool isNull() const { return size == 0; }
    bool dark(int x, int y) const { return modules[y * size + x]; }
    // For a terminal: two rows per line in half blocks, with the quiet zone around it,
    // dark modules drawn dark whatever the terminal's colours (light text on dark is usual,
    // so the blocks stand for the light modules).
    QString toTerminalText() const;
};
