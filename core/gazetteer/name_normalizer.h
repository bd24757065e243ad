#pragma once

#include <QString>
#include <QStringList>
#include <cstdint>

namespace borderlens {

// What the words a key drops said about the kind of place asked for ("Vanj district" asks for
// the district, "Vanj village" for the village).
enum class NameHint : std::uint8_t { None, District, Province, Settlement };

struct NormalizedName {
    // Matching keys, the preferred one first. There are two only when a letter has two
    // conventional readings (ş is "sh" in Turkic spellings, "s" in BGN/PCGN Persian, where it
    // stands for the letter sad); empty when the name has no letters or digits.
    QStringList keys;
    NameHint hint = NameHint::None;
};

// Turns a place name into a key on which spellings of the same name agree, across case, scripts
// and transliteration conventions. Rules, in order:
//   1. Unicode NFC, then lower case (Unicode rules, independent of the locale).
//   2. Cyrillic (Russian and Tajik) is transliterated: х→kh, ҳ→h, ҷ→j, ж→zh, ч→ch, ш→sh,
//      щ→shch, ц→ts, қ→q, ғ→gh, ӣ→i, ӯ→u, й→y, ы→y, ю→yu, я→ya, ё→yo, е→e, э→e, ъ and ь
//      dropped. Special Latin letters: ş/ș/š→sh (and a second key with ş/ș→s), č/ç→ch, ž→zh,
//      ğ→gh, ı→i, ø→o, ł→l, đ→d, ß→ss, æ→ae, œ→oe.
//   3. Apostrophes and modifier letters (' ’ ‘ ʼ ʻ ʿ ʾ ` ´) are removed, so Qal'ai = Qalai.
//   4. NFKD, and combining marks are dropped: ŭ→u, ö→o, ā→a, ḩ→h, ẕ→z.
//   5. Split into words at anything that is not a letter or digit (spaces, hyphens, brackets).
//   6. In each word: dzh and dj→j; kh and x→h; gh→g; q→k; w→v; a final -abad/-obad/-abod
//      becomes -obod; a final iy, ij or y becomes i.
//   7. Words that only say what kind of place it is are dropped and become the hint: district,
//      nohiya(i), rayon(i), raion, wuleswali (district); region, province, viloyat(i),
//      oblast(i) (province); village, town, city, kishlak, qishloq, selo, jamoat, gorod,
//      poselok (settlement), in Latin or Cyrillic. A name made only of such words keeps them.
//   8. The words are joined without spaces and runs of a repeated letter become one letter.
// So "Shamsiddin Shokhin district", "Shamsiddin Shohin" and "Шамсиддин Шоҳин" all give
// "shamsidinshohin"; "Shuro-obod", "Shuroobod" and "Shuroabad" give "shurobod". Spellings that
// differ by more (Darvaz/Darvoz vowels, Vanch/Vanj, Panji Poyon/Nizhniy Pyandzh) are the
// gazetteer's aliases, and near misses are left to the fuzzy ranking.
class NameNormalizer {
public:
    static NormalizedName normalize(const QString& name);
    // The preferred key alone.
    static QString key(const QString& name);
};

} // namespace borderlens
