#include "gazetteer/name_normalizer.h"

#include <QHash>
#include <utility>

namespace borderlens {
namespace {

// clang-format off
// Cyrillic letters (lower case) in the Latin spelling usual for Tajik and Russian place names.
constexpr std::pair<char16_t, const char*> kCyrillic[] = {
    {u'а', "a"}, {u'б', "b"}, {u'в', "v"}, {u'г', "g"}, {u'ғ', "gh"}, {u'ґ', "g"}, {u'д', "d"},
    {u'е', "e"}, {u'ё', "yo"}, {u'є', "ye"}, {u'ж', "zh"}, {u'з', "z"}, {u'и', "i"}, {u'ӣ', "i"},
    {u'і', "i"}, {u'ї', "yi"}, {u'й', "y"}, {u'к', "k"}, {u'қ', "q"}, {u'л', "l"}, {u'м', "m"},
    {u'н', "n"}, {u'ң', "ng"}, {u'о', "o"}, {u'ө', "o"}, {u'п', "p"}, {u'р', "r"}, {u'с', "s"},
    {u'т', "t"}, {u'у', "u"}, {u'ӯ', "u"}, {u'ў', "u"}, {u'ү', "u"}, {u'ұ', "u"}, {u'ф', "f"},
    {u'х', "kh"}, {u'ҳ', "h"}, {u'ц', "ts"}, {u'ч', "ch"}, {u'ҷ', "j"}, {u'ш', "sh"},
    {u'щ', "shch"}, {u'ъ', ""}, {u'ы', "y"}, {u'ь', ""}, {u'э', "e"}, {u'ә', "a"}, {u'ю', "yu"},
    {u'я', "ya"},
};

// Latin letters that NFKD does not reduce to a base letter, or reduces to the wrong one for the
// names of this region (ş is "sh" in Turkic spellings, č is "ch").
constexpr std::pair<char16_t, const char*> kSpecialLatin[] = {
    {u'ş', "sh"}, {u'ș', "sh"}, {u'š', "sh"}, {u'č', "ch"}, {u'ç', "ch"}, {u'ž', "zh"},
    {u'ğ', "gh"}, {u'ı', "i"}, {u'ø', "o"}, {u'ł', "l"}, {u'đ', "d"}, {u'ß', "ss"}, {u'æ', "ae"},
    {u'œ', "oe"},
};
// clang-format on

template <std::size_t N>
const char* replacement(const std::pair<char16_t, const char*> (&table)[N], char16_t c) {
    for (const auto& [letter, latin] : table) {
        if (letter == c)
            return latin;
    }
    return nullptr;
}

const char* cyrillicToLatin(char16_t c) {
    return c >= 0x0400 && c <= 0x04FF ? replacement(kCyrillic, c) : nullptr;
}

const char* specialLatin(char16_t c) {
    return c >= 0x80 ? replacement(kSpecialLatin, c) : nullptr;
}

bool isApostrophe(char16_t c) {
    switch (c) {
    case u'\'':
    case u'\u2019': // ’
    case u'\u2018': // ‘
    case u'\u02BC': // ʼ
    case u'\u02BB': // ʻ
    case u'\u02BF': // ʿ (ayn)
    case u'\u02BE': // ʾ (hamza)
    case u'`':
    case u'\u00B4': // ´
    case u'\u02B9': // ʹ
    case u'\u2032': // ′
        return true;
    default:
        return false;
    }
}

// Steps 4 and 5 of the header: strip marks, split into words.
QStringList splitWords(const QString& transliterated) {
    const QString decomposed = transliterated.normalized(QString::NormalizationForm_KD);
    QStringList words;
    QString word;
    for (const QChar ch : decomposed) {
        const QChar::Category cat = ch.category();
        if (cat == QChar::Mark_NonSpacing || cat == QChar::Mark_SpacingCombining ||
            cat == QChar::Mark_Enclosing)
            continue;
        if (ch.isLetterOrNumber()) {
            word += ch;
        } else if (!word.isEmpty()) {
            words << word;
            word.clear();
        }
    }
    if (!word.isEmpty())
        words << word;
    return words;
}

// Step 6 of the header, on one word.
QString foldWord(QString w) {
    w.replace(QLatin1String("dzh"), QLatin1String("j"));
    w.replace(QLatin1String("dj"), QLatin1String("j"));
    w.replace(QLatin1String("kh"), QLatin1String("h"));
    w.replace(QLatin1Char('x'), QLatin1Char('h'));
    w.replace(QLatin1String("gh"), QLatin1String("g"));
    w.replace(QLatin1Char('q'), QLatin1Char('k'));
    w.replace(QLatin1Char('w'), QLatin1Char('v'));
    // A final -abad, -obad or -abod (the Persian "abad", settlement) becomes -obod.
    const qsizetype n = w.size();
    auto isAO = [](QChar c) {
        return c == QLatin1Char('a') || c == QLatin1Char('o');
    };
    if (n >= 4 && isAO(w[n - 4]) && w[n - 3] == QLatin1Char('b') && isAO(w[n - 2]) &&
        w[n - 1] == QLatin1Char('d'))
        w.replace(n - 4, 4, QStringLiteral("obod"));
    if (w.size() > 2) {
        if (w.endsWith(QLatin1String("iy")) || w.endsWith(QLatin1String("ij")))
            w.chop(1);
        else if (w.endsWith(QLatin1Char('y')))
            w[w.size() - 1] = QLatin1Char('i');
    }
    return w;
}

// Steps 1 to 3: one string per reading of the ambiguous letters (two only if ş/ș occur).
QStringList transliterate(const QString& name) {
    const QString lower = name.normalized(QString::NormalizationForm_C).toLower();
    QString primary;
    QString alternative;
    bool ambiguous = false;
    primary.reserve(lower.size() + 8);
    for (const QChar ch : lower) {
        const char16_t c = ch.unicode();
        if (isApostrophe(c))
            continue;
        if (const char* latin = cyrillicToLatin(c)) {
            primary += QLatin1String(latin);
            alternative += QLatin1String(latin);
        } else if (const char* special = specialLatin(c)) {
            primary += QLatin1String(special);
            const bool sad = c == u'ş' || c == u'ș';
            ambiguous = ambiguous || sad;
            alternative += sad ? QStringLiteral("s") : QString(QLatin1String(special));
        } else {
            primary += ch;
            alternative += ch;
        }
    }
    return ambiguous ? QStringList{primary, alternative} : QStringList{primary};
}

QString foldOneWord(const QString& rawWord) {
    const QStringList words = splitWords(transliterate(rawWord).value(0));
    return words.isEmpty() ? QString() : foldWord(words.first());
}

// Folded kind-of-place words, in the spellings found in Latin, Russian and Tajik names.
const QHash<QString, NameHint>& kindWords() {
    static const QHash<QString, NameHint> table = [] {
        // clang-format off
        const std::pair<const char*, NameHint> raw[] = {
            {"district", NameHint::District},   {"districts", NameHint::District},
            {"nohiya", NameHint::District},     {"nohiyai", NameHint::District},
            {"nohiyi", NameHint::District},     {"rayon", NameHint::District},
            {"rayoni", NameHint::District},     {"raion", NameHint::District},
            {"rajon", NameHint::District},      {"wuleswali", NameHint::District},
            {"woleswali", NameHint::District},  {"uluswali", NameHint::District},
            {"район", NameHint::District},      {"нохия", NameHint::District},
            {"ноҳия", NameHint::District},      {"ноҳияи", NameHint::District},
            {"нохияи", NameHint::District},     {"region", NameHint::Province},
            {"province", NameHint::Province},   {"viloyat", NameHint::Province},
            {"viloyati", NameHint::Province},   {"oblast", NameHint::Province},
            {"oblasti", NameHint::Province},    {"вилоят", NameHint::Province},
            {"вилояти", NameHint::Province},    {"область", NameHint::Province},
            {"village", NameHint::Settlement},  {"town", NameHint::Settlement},
            {"city", NameHint::Settlement},     {"kishlak", NameHint::Settlement},
            {"qishloq", NameHint::Settlement},  {"selo", NameHint::Settlement},
            {"jamoat", NameHint::Settlement},   {"jamoati", NameHint::Settlement},
            {"gorod", NameHint::Settlement},    {"poselok", NameHint::Settlement},
            {"кишлак", NameHint::Settlement},   {"қишлоқ", NameHint::Settlement},
            {"село", NameHint::Settlement},     {"город", NameHint::Settlement},
            {"посёлок", NameHint::Settlement},  {"поселок", NameHint::Settlement},
            {"деревня", NameHint::Settlement},  {"джамоат", NameHint::Settlement},
            {"ҷамоат", NameHint::Settlement},   {"шаҳрак", NameHint::Settlement},
        };
        // clang-format on
        QHash<QString, NameHint> t;
        for (const auto& [word, hint] : raw)
            t.insert(foldOneWord(QString::fromUtf8(word)), hint);
        return t;
    }();
    return table;
}

QString collapseRepeats(const QString& s) {
    QString out;
    out.reserve(s.size());
    for (const QChar ch : s) {
        if (out.isEmpty() || out.back() != ch)
            out += ch;
    }
    return out;
}

} // namespace

NormalizedName NameNormalizer::normalize(const QString& name) {
    NormalizedName result;
    const QHash<QString, NameHint>& kinds = kindWords();
    for (const QString& variant : transliterate(name)) {
        QStringList words = splitWords(variant);
        for (QString& w : words)
            w = foldWord(w);
        QStringList kept;
        NameHint hint = NameHint::None;
        for (const QString& w : words) {
            const auto it = kinds.constFind(w);
            if (it == kinds.constEnd())
                kept << w;
            else if (hint == NameHint::None)
                hint = it.value();
        }
        if (kept.isEmpty()) { // "Region" alone is a name, not a hint
            kept = words;
            hint = NameHint::None;
        }
        const QString key = collapseRepeats(kept.join(QString()));
        if (key.isEmpty())
            continue;
        if (result.keys.isEmpty())
            result.hint = hint;
        if (!result.keys.contains(key))
            result.keys << key;
    }
    return result;
}

QString NameNormalizer::key(const QString& name) {
    return normalize(name).keys.value(0);
}

} // namespace borderlens
