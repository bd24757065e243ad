#include "io/csv_record_reader.h"

#include <QTemporaryDir>
#include <gtest/gtest.h>

using namespace borderlens;

namespace {

using Record = CsvRecordReader::Record;

// All records, or the error that stopped the reading.
struct ReadAll {
    std::vector<Record> records;
    std::optional<Error> error;
};

ReadAll readAll(CsvRecordReader& reader) {
    ReadAll out;
    while (true) {
        auto r = reader.next();
        if (!r) {
            out.error = r.error();
            return out;
        }
        if (!r.value())
            return out;
        out.records.push_back(*r.value());
    }
}

ReadAll readAll(const QByteArray& bytes) {
    CsvRecordReader reader(bytes, QStringLiteral("mem.csv"));
    return readAll(reader);
}

QStringList fields(std::initializer_list<const char*> utf8) {
    QStringList out;
    for (const char* s : utf8)
        out << QString::fromUtf8(s);
    return out;
}

TEST(CsvRecordReader, QuotedCommasQuotesAndNewlines) {
    const ReadAll r = readAll("id,name,note\r\n"
                              "1,\"Qalai Khumb, Darvoz\",\"he said \"\"here\"\"\"\r\n"
                              "2,\"two\r\nlines\",\"three\nmore\nlines\"\r\n"
                              "3,plain,\r\n");
    ASSERT_FALSE(r.error) << r.error->toString().toStdString();
    ASSERT_EQ(r.records.size(), 4u);
    EXPECT_EQ(r.records[1].fields, fields({"1", "Qalai Khumb, Darvoz", "he said \"here\""}));
    EXPECT_EQ(r.records[2].fields, fields({"2", "two\r\nlines", "three\nmore\nlines"}));
    // The trailing comma is an empty last field.
    EXPECT_EQ(r.records[3].fields, fields({"3", "plain", ""}));
    // Lines where each record starts: record 2 holds three line breaks in quotes, so it spans
    // lines 3 to 6 and record 3 starts on line 7.
    EXPECT_EQ(r.records[0].line, 1);
    EXPECT_EQ(r.records[1].line, 2);
    EXPECT_EQ(r.records[2].line, 3);
    EXPECT_EQ(r.records[3].line, 7);
}

TEST(CsvRecordReader, BomLineEndsBlankLinesAndUtf8) {
    // BOM, LF, lone CR, blank lines and no newline at the end.
    const ReadAll r = readAll("\xEF\xBB\xBF"
                              "name,lat\n"
                              "\xD0\x92\xD0\xB0\xD0\xBD\xD2\xB7,38.37\r" // Ванҷ
                              "\r\n\n"
                              "Sh\xC5\xADrobod,37.84"); // Shŭrobod
    ASSERT_FALSE(r.error) << r.error->toString().toStdString();
    ASSERT_EQ(r.records.size(), 3u);
    EXPECT_EQ(r.records[0].fields, fields({"name", "lat"})); // no U+FEFF glued to "name"
    EXPECT_EQ(r.records[1].fields, fields({"Ванҷ", "38.37"}));
    EXPECT_EQ(r.records[2].fields, fields({"Shŭrobod", "37.84"}));
    // The lone CR ends line 2; "\r\n" and "\n" are blank lines 3 and 4.
    EXPECT_EQ(r.records[1].line, 2);
    EXPECT_EQ(r.records[2].line, 5);
}

TEST(CsvRecordReader, EmptyQuotedFieldsAndLiteralQuotes) {
    const ReadAll r = readAll("\"\",a\"b,\"\"\"\"\n");
    ASSERT_FALSE(r.error);
    ASSERT_EQ(r.records.size(), 1u);
    EXPECT_EQ(r.records[0].fields, fields({"", "a\"b", "\""}));
}

TEST(CsvRecordReader, ErrorsNameTheLine) {
    const ReadAll unterminated = readAll("a,b\n1,2\n3,\"open\nstill open\n");
    ASSERT_TRUE(unterminated.error);
    EXPECT_EQ(unterminated.records.size(), 2u);
    EXPECT_EQ(unterminated.error->source, QStringLiteral("mem.csv"));
    EXPECT_TRUE(unterminated.error->message.startsWith(QStringLiteral("line 3:")))
        << unterminated.error->message.toStdString();
    EXPECT_TRUE(unterminated.error->message.contains(QStringLiteral("closing quote")));

    const ReadAll trailing = readAll("a,b\n\"x\"y,2\n");
    ASSERT_TRUE(trailing.error);
    EXPECT_TRUE(trailing.error->message.startsWith(QStringLiteral("line 2:")));
    EXPECT_TRUE(trailing.error->message.contains(QStringLiteral("after the closing quote")));

    const ReadAll latin1 = readAll("a,b\nok,1\nD\xE9partement,2\n"); // Latin-1 é
    ASSERT_TRUE(latin1.error);
    EXPECT_EQ(latin1.records.size(), 2u);
    EXPECT_TRUE(latin1.error->message.startsWith(QStringLiteral("line 3:")));
    EXPECT_TRUE(latin1.error->message.contains(QStringLiteral("UTF-8")));
}

TEST(CsvRecordReader, StopsAfterAnError) {
    CsvRecordReader reader(QByteArray("\"x\"y\nfine\n"));
    EXPECT_FALSE(reader.next());
    const auto after = reader.next();
    ASSERT_TRUE(after);
    EXPECT_FALSE(after.value());
}

// A device that hands out one byte per read, so every token straddles a block edge.
class TrickleDevice final : public QIODevice {
public:
    explicit TrickleDevice(QByteArray data) : m_data(std::move(data)) { open(ReadOnly); }

protected:
    qint64 readData(char* out, qint64 max) override {
        if (m_pos >= m_data.size() || max <= 0)
            return 0;
        *out = m_data[m_pos++];
        return 1;
    }
    qint64 writeData(const char*, qint64) override { return -1; }

private:
    QByteArray m_data;
    qsizetype m_pos = 0;
};

TEST(CsvRecordReader, StreamsAcrossBlockEdges) {
    const QByteArray text = "\xEF\xBB\xBF"
                            "x,\"a,\"\"b\"\"\r\nc\"\r\n"
                            "Ванҷ,2\r\n";
    TrickleDevice device(text);
    CsvRecordReader trickled(&device, QStringLiteral("trickle"));
    const ReadAll a = readAll(trickled);
    const ReadAll b = readAll(text);
    ASSERT_FALSE(a.error) << a.error->toString().toStdString();
    ASSERT_EQ(a.records.size(), 2u);
    EXPECT_EQ(a.records[0].fields, fields({"x", "a,\"b\"\r\nc"}));
    EXPECT_EQ(a.records[1].fields, fields({"Ванҷ", "2"}));
    EXPECT_EQ(a.records[1].line, 3);
    ASSERT_EQ(b.records.size(), 2u);
    EXPECT_EQ(a.records[0].fields, b.records[0].fields);

    // A field much longer than a read block.
    const QByteArray longField(200'000, 'k');
    const ReadAll big = readAll("\"" + longField + "\",end\n");
    ASSERT_EQ(big.records.size(), 1u);
    EXPECT_EQ(big.records[0].fields[0].size(), 200'000);
    EXPECT_EQ(big.records[0].fields[1], QStringLiteral("end"));
}

TEST(CsvRecordReader, OpenNamesAMissingFile) {
    const auto missing = CsvRecordReader::open(QStringLiteral("/no/such/places.csv"));
    ASSERT_FALSE(missing);
    EXPECT_EQ(missing.error().source, QStringLiteral("/no/such/places.csv"));
    EXPECT_EQ(missing.error().message, QStringLiteral("file not found"));

    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("p.csv"));
    QFile f(path);
    ASSERT_TRUE(f.open(QIODevice::WriteOnly));
    f.write("a\n1\n");
    f.close();
    auto opened = CsvRecordReader::open(path);
    ASSERT_TRUE(opened);
    const ReadAll r = readAll(opened.value());
    ASSERT_EQ(r.records.size(), 2u);
    EXPECT_EQ(r.records[1].fields, fields({"1"}));
}

} // namespace
