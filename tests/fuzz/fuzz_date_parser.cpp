// The date parsers every importer calls once per row: parseIsoDay (native files) and
// parseFlexibleDay (ACLED event_date, UCDP date_start/date_end, and native files' other forms).
#include "fuzz_environment.h"

#include "time/date_parser.h"

#include <cstdint>
#include <string>
#include <string_view>

using namespace borderlens;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    const auto iso = parseIsoDay(text);
    const auto flexible = parseFlexibleDay(text);
    if (iso && !iso->impliedPrecision) {
        // A full ISO date is a day the flexible parser agrees on, and a real calendar day.
        fuzz::check(flexible.has_value() && *flexible == iso->day);
        fuzz::check(dateOfDay(iso->day).isValid());
    }
    if (flexible) {
        // Whatever form it came in, the day written back as ISO reads as the same day.
        const QDate d = dateOfDay(*flexible);
        fuzz::check(d.isValid());
        if (d.year() >= 1 && d.year() <= 9999) {
            const std::string again = d.toString(Qt::ISODate).toStdString();
            const auto back = parseIsoDay(again);
            fuzz::check(back.has_value() && back->day == *flexible);
        }
    }
    return 0;
}
