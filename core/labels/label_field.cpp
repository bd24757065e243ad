#include "labels/label_field.h"

namespace borderlens {

int guessLabelField(const QStringList& fieldNames) {
    // Most specific first: a district layer also carries its province's and country's names.
    static const char* const kNames[] = {
        "shapeName", "NAME_2", "ADM2_EN", "ADM2_NAME", "NAME_EN", "name_en", "name",
        "NAME", "district", "DISTRICT", "NAME_1", "ADM1_EN", "title", "label",
    };
    for (const char* candidate : kNames) {
        const QString want = QString::fromLatin1(candidate);
        for (int i = 0; i < fieldNames.size(); ++i)
            if (fieldNames[i].compare(want, Qt::CaseInsensitive) == 0)
                return i;
    }
    return -1;
}

} // namespace borderlens
