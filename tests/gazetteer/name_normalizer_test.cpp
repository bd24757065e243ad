#include "gazetteer/name_normalizer.h"

#include <QLocale>
#include <gtest/gtest.h>

using namespace borderlens;

namespace {

std::string key(const char* utf8) {
    return NameNormalizer::key(QString::fromUtf8(utf8)).toStdString();
}

TEST(NameNormalizer, CaseDiacriticsAndPunctuation) {
    EXPECT_EQ(key("Shŭrobod"), "shurobod");
    EXPECT_EQ(key("KŬLOB"), "kulob");
    EXPECT_EQ(key("Mŭ’minobod"), key("Muminobod"));
    EXPECT_EQ(key("Qal'ai Khumb"), key("Qalaikhumb"));
    EXPECT_EQ(key("Roshtqal’a"), key("Roshtqala"));
    EXPECT_EQ(key("Faīẕābād"), "faizobod");
    EXPECT_EQ(key("Shamsiddin"), "shamsidin"); // double letters are one
    EXPECT_EQ(key("  --  "), "");
}

TEST(NameNormalizer, CyrillicIsTransliterated) {
    EXPECT_EQ(key("Шамсиддин Шоҳин"), key("Shamsiddin Shohin"));
    EXPECT_EQ(key("Шамсиддин Шохин"), key("Shamsiddin Shokhin"));
    EXPECT_EQ(key("Дарвоз"), key("Darvoz"));
    EXPECT_EQ(key("Ванҷ"), key("Vanj"));
    EXPECT_EQ(key("Шурообод"), key("Shuroobod"));
    EXPECT_EQ(key("Қалъаи Хумб"), key("Qalai Khumb"));
    EXPECT_EQ(key("Хоруғ"), key("Khorugh"));
    EXPECT_EQ(key("Мурғоб"), key("Murghob"));
    EXPECT_EQ(key("Щучье"), "shchuche");
    EXPECT_EQ(key("Ёзгулем"), "yozgulem");
    EXPECT_EQ(key("Панҷи Поён"), key("Panji Poyon"));
}

TEST(NameNormalizer, TransliterationVariantsMeet) {
    // kh / h / x
    EXPECT_EQ(key("Shamsiddin Shokhin"), key("Shamsiddin Shohin"));
    EXPECT_EQ(key("Xorugh"), key("Khorugh"));
    // -obod / -abad / -obad, hyphens and doubled vowels
    EXPECT_EQ(key("Shuro-obod"), key("Shuroobod"));
    EXPECT_EQ(key("Shuroabad"), key("Shuroobod"));
    EXPECT_EQ(key("Shurobod"), key("Shuroobod"));
    EXPECT_EQ(key("Muminabad"), key("Muminobod"));
    // q/k, gh/g, w/v, dzh/dj/j, word-final y/iy/i
    EXPECT_EQ(key("Kalai Khumb"), key("Qalai Khumb"));
    EXPECT_EQ(key("Murgab"), key("Murghab"));
    EXPECT_EQ(key("Darwaz"), key("Darvaz"));
    EXPECT_EQ(key("Dzhilikul"), key("Jilikul"));
    EXPECT_EQ(key("Djilikul"), key("Jilikul"));
    EXPECT_EQ(key("Nizhniy Pyandzh"), key("Nizhny Pyanj"));
    EXPECT_EQ(key("Nizhni Pyandzh"), key("Nizhniy Pyandzh"));
    // ş as "sh" (Turkic spelling) is the first key...
    EXPECT_EQ(key("Şerxan Bandar"), key("Sherkhan Bandar"));
}

TEST(NameNormalizer, SadGivesASecondKey) {
    // ...and as "s" (BGN/PCGN Persian, where it writes the letter sad) the second.
    const NormalizedName n = NameNormalizer::normalize(QStringLiteral("Imām Şāḩib"));
    ASSERT_EQ(n.keys.size(), 2);
    EXPECT_EQ(n.keys[0].toStdString(), "imamshahib");
    EXPECT_EQ(n.keys[1].toStdString(), key("Imam Sahib"));
    EXPECT_EQ(NameNormalizer::normalize(QStringLiteral("Imam Sahib")).keys.size(), 1);
}

TEST(NameNormalizer, KindWordsAreDroppedAndBecomeHints) {
    const NormalizedName d =
        NameNormalizer::normalize(QStringLiteral("Shamsiddin Shokhin district"));
    EXPECT_EQ(d.keys.value(0), NameNormalizer::key(QStringLiteral("Shamsiddin Shohin")));
    EXPECT_EQ(d.hint, NameHint::District);
    EXPECT_EQ(NameNormalizer::normalize(QStringLiteral("Nohiyai Darvoz")).hint, NameHint::District);
    EXPECT_EQ(key("Nohiyai Darvoz"), key("Darvoz"));
    EXPECT_EQ(key("Darvoz Rayon"), key("Darvoz"));
    EXPECT_EQ(key("Vanj raion"), key("Vanj"));
    EXPECT_EQ(key("Дарвозский район"), key("Darvozskiy"));
    EXPECT_EQ(NameNormalizer::normalize(QStringLiteral("Ноҳияи Ванҷ")).hint, NameHint::District);
    EXPECT_EQ(key("Ноҳияи Ванҷ"), key("Vanj"));
    const NormalizedName p = NameNormalizer::normalize(QStringLiteral("Khatlon Viloyat"));
    EXPECT_EQ(p.keys.value(0).toStdString(), "hatlon");
    EXPECT_EQ(p.hint, NameHint::Province);
    EXPECT_EQ(NameNormalizer::normalize(QStringLiteral("Kevron village")).hint,
              NameHint::Settlement);
    EXPECT_EQ(key("Kevron jamoat"), key("Kevron"));
    EXPECT_EQ(NameNormalizer::normalize(QStringLiteral("Kevron")).hint, NameHint::None);
    // A name made only of such words is still a name.
    EXPECT_EQ(key("Region"), "region");
}

TEST(NameNormalizer, DifferentNamesStayApart) {
    EXPECT_NE(key("Vanj"), key("Darvoz"));
    EXPECT_NE(key("Panj"), key("Panji Poyon"));
    EXPECT_NE(key("Rushon"), key("Roshtqala"));
    EXPECT_NE(key("Kulob"), key("Khovaling"));
}

TEST(NameNormalizer, DoesNotDependOnTheLocale) {
    // Turkish lower-cases I to dotless ı; keys must not change with the user's locale.
    const QLocale before;
    QLocale::setDefault(QLocale(QLocale::Turkish, QLocale::Turkey));
    const std::string district = key("IMAM SAHIB DISTRICT");
    QLocale::setDefault(before);
    EXPECT_EQ(district, "imamsahib");
}

} // namespace
