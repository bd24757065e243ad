// The parallel CSV importer cuts a file into stretches parsed on several threads. Whatever the
// cuts, the result must be the file parsed whole: these tests cut fixtures into stretches of a
// few hundred bytes, so every kind of place gets cut (inside quoted line breaks, between CR and
// LF, after a literal quote that makes a line break look like a record boundary), and compare.
#include "incidents/import/incident_importer.h"
#include "support/import_dump.h"

#include <QFile>
#include <QTemporaryDir>
#include <gtest/gtest.h>
#include <random>

using namespace borderlens;

namespace {

QString write(const QTemporaryDir& dir, const QString& name, const QByteArray& bytes) {
    const QString path = dir.filePath(name);
    QFile f(path);
    EXPECT_TRUE(f.open(QIODevice::WriteOnly));
    f.write(bytes);
    return path;
}

QString importedWith(const QString& path, std::size_t chunkBytes) {
    ImportOptions options;
    options.chunkBytes = chunkBytes;
    return test::dump(importIncidents(path, options));
}

// Rows of every awkward kind, in a seeded mix.
QByteArray awkwardNative(int rows, unsigned seed, bool crlf) {
    std::mt19937 rng(seed);
    const char* eol = crlf ? "\r\n" : "\n";
    QByteArray csv = "id,start_date,end_date,date_precision,type,place,lon,lat,geo_precision,"
                     "country,killed_best,actors,summary";
    csv += eol;
    for (int i = 0; i < rows; ++i) {
        const int kind = static_cast<int>(rng() % 12);
        const QByteArray id =
            kind == 0 ? QByteArray() : "R" + QByteArray::number(rng() % (rows * 2));
        const QByteArray day = "2025-" + QByteArray::number(1 + rng() % 12).rightJustified(2, '0') +
                               "-" + QByteArray::number(1 + rng() % 28).rightJustified(2, '0');
        QByteArray summary;
        switch (kind) {
        case 1:
            summary = "\"two\nlines, with \"\"quotes\"\"\"";
            break;
        case 2:
            summary = "\"cr\r\nlf inside\"";
            break;
        case 3:
            summary = "a 5\" gun";
            break; // a literal quote: parity tricks break here
        case 4:
            summary = "\"ends\r\"";
            break;
        case 5:
            summary = "\xD0\x92\xD0\xB0\xD0\xBD\xD2\xB7";
            break; // Ванҷ
        case 6:
            summary = "\"\"";
            break;
        default:
            summary = "plain " + QByteArray::number(i);
            break;
        }
        QByteArray row = id + "," + day + ",,day,armed_clash,Place " + QByteArray::number(i % 50) +
                         "," + QByteArray::number(68 + (rng() % 600) / 100.0) + "," +
                         QByteArray::number(36.5 + (rng() % 200) / 100.0) + ",exact,TJ," +
                         QByteArray::number(rng() % 4) + ",A; B," + summary;
        if (kind == 7)
            row = "bad," + day + ",,day,armed_clash"; // too few fields
        if (kind == 8)
            row = id + ",2025-13-40,,day,armed_clash,X,70,37.5,exact,TJ,0,,bad date";
        csv += row;
        csv += eol;
        if (kind == 9)
            csv += eol; // a blank line
    }
    return csv;
}

TEST(ParallelImport, AnyCutGivesTheFileParsedWhole) {
    QTemporaryDir dir;
    for (bool crlf : {false, true}) {
        const QString path =
            write(dir, QStringLiteral("awkward.csv"), awkwardNative(3000, 7, crlf));
        const QString whole = importedWith(path, std::size_t(1) << 30);
        ASSERT_TRUE(whole.startsWith(QStringLiteral("format native")))
            << whole.left(200).toStdString();
        for (std::size_t chunk :
             {std::size_t(97), std::size_t(256), std::size_t(1000), std::size_t(4096)}) {
            const QString cut = importedWith(path, chunk);
            EXPECT_EQ(cut.toStdString(), whole.toStdString())
                << "stretches of " << chunk << " bytes" << (crlf ? ", CRLF" : ", LF");
        }
    }
}

TEST(ParallelImport, AnUnterminatedQuoteStopsTheReadWhereverTheCutsFall) {
    QTemporaryDir dir;
    QByteArray csv = awkwardNative(500, 11, false);
    csv += "Z1,2025-12-24,,day,armed_clash,Open,70,37.5,exact,TJ,0,,\"never closed\n";
    csv += awkwardNative(500, 12, false).mid(csv.indexOf('\n') + 1);
    const QString path = write(dir, QStringLiteral("open.csv"), csv);
    const QString whole = importedWith(path, std::size_t(1) << 30);
    // The open quote swallows what follows until a quote closes it and text runs on after it.
    EXPECT_TRUE(whole.contains(QStringLiteral("rows after it were not read")))
        << whole.toStdString();
    for (std::size_t chunk : {std::size_t(128), std::size_t(3000)})
        EXPECT_EQ(importedWith(path, chunk).toStdString(), whole.toStdString()) << chunk;
}

} // namespace

// Counts that could pass 2^32 are checked, not wrapped: past the store's limit the import fails
// naming the file and the limit (here a limit of 10, through both the CSV and the OGR paths).
TEST(ParallelImport, MoreIncidentsThanTheStoreCanNumberIsAnError) {
    QTemporaryDir dir;
    const QString csv = dir.filePath(QStringLiteral("many.csv"));
    QFile f(csv);
    ASSERT_TRUE(f.open(QIODevice::WriteOnly));
    f.write("id,start_date,type,place,lon,lat,geo_precision\n");
    for (int i = 0; i < 40; ++i)
        f.write(QStringLiteral("M-%1,2025-01-01,armed_clash,X,70.0,38.0,exact\n").arg(i).toUtf8());
    f.close();
    ImportOptions options;
    options.maxIncidents = 10;
    options.chunkBytes = 256; // several stretches, as a large file is read
    const auto tooMany = importIncidents(csv, options);
    ASSERT_FALSE(tooMany);
    EXPECT_EQ(tooMany.error().source, csv);
    EXPECT_TRUE(tooMany.error().message.startsWith(QStringLiteral("more than 10 incidents")))
        << tooMany.error().message.toStdString();
    options.maxIncidents = 40;
    const auto fits = importIncidents(csv, options);
    ASSERT_TRUE(fits) << fits.error().toString().toStdString();
    EXPECT_EQ(fits.value().store->size(), 40u);
}
