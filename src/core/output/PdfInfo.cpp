#include "output/PdfInfo.h"

#include <QCoreApplication>
#include <QFile>
#include <QRegularExpression>

namespace {
// lupdate reads Text::tr("...") with this context.
struct Text {
    Q_DECLARE_TR_FUNCTIONS(PdfInfo)
};

// A PDF text string: UTF-16BE with its byte order mark, written in hex (any name is safe).
QByteArray pdfText(const QString &text)
{
    QByteArray bytes("<FEFF");
    for (const QChar c : text)
        bytes += QByteArray::number(c.unicode(), 16).rightJustified(4, '0').toUpper();
    return bytes + '>';
}
} // namespace

bool appendPdfInfo(const QString &path, const PdfInfo &info, QString &error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadWrite)) {
        error = Text::tr("Cannot open %1 to add its properties: %2").arg(path, file.errorString());
        return false;
    }
    const qint64 size = file.size();
    file.seek(std::max<qint64>(0, size - 4096));
    const QString tail = QString::fromLatin1(file.readAll());
    static const QRegularExpression trailerPattern(QStringLiteral(
        "trailer\\s*<<(.*?)>>\\s*startxref\\s*(\\d+)\\s*%%EOF\\s*$"), QRegularExpression::DotMatchesEverythingOption);
    static const QRegularExpression sizePattern(QStringLiteral("/Size\\s+(\\d+)"));
    static const QRegularExpression rootPattern(QStringLiteral("/Root\\s+(\\d+\\s+\\d+\\s+R)"));
    const auto trailer = trailerPattern.match(tail);
    const auto sizeMatch = sizePattern.match(trailer.captured(1));
    const auto rootMatch = rootPattern.match(trailer.captured(1));
    if (!trailer.hasMatch() || !sizeMatch.hasMatch() || !rootMatch.hasMatch()) {
        error = Text::tr("%1 does not end like a complete PDF: its properties were not added.").arg(path);
        return false;
    }
    const qint64 object = sizeMatch.captured(1).toLongLong();
    QByteArray update = "\n";
    const qint64 objectOffset = size + update.size();
    update += QByteArray::number(object) + " 0 obj\n<<\n/Title " + pdfText(info.title) + '\n';
    if (!info.author.isEmpty())
        update += "/Author " + pdfText(info.author) + '\n';
    update += "/Creator " + pdfText(info.creator) + "\n/Producer " + pdfText(info.creator) + '\n';
    if (info.created.isValid())
        update += "/CreationDate (D:" + info.created.toUTC().toString(QStringLiteral("yyyyMMddHHmmss")).toLatin1()
            + "Z)\n";
    update += ">>\nendobj\n";
    const qint64 xrefOffset = size + update.size();
    // One subsection for the new object; each entry exactly 20 bytes.
    update += "xref\n" + QByteArray::number(object) + " 1\n"
        + QByteArray::number(objectOffset).rightJustified(10, '0') + " 00000 n \n";
    update += "trailer\n<<\n/Size " + QByteArray::number(object + 1) + "\n/Root " + rootMatch.captured(1).toLatin1()
        + "\n/Info " + QByteArray::number(object) + " 0 R\n/Prev " + trailer.captured(2).toLatin1() + "\n>>\nstartxref\n"
        + QByteArray::number(xrefOffset) + "\n%%EOF\n";
    if (!file.seek(size) || file.write(update) != update.size() || !file.flush()) {
        error = Text::tr("Cannot add the properties to %1: %2").arg(path, file.errorString());
        file.resize(size); // as it was
        return false;
    }
    return true;
}
