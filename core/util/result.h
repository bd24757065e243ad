#pragma once

#include <QString>

#include <cassert>
#include <utility>
#include <variant>

namespace borderlens {

// An error as it leaves core: which file (or input) and why, ready to be shown to a user.
struct Error {
    QString source;  // the file, layer or input the error is about; may be empty
    QString message; // what went wrong, in a sentence

    // "FILE: message", or just the message when there is no source.
    QString toString() const { return source.isEmpty() ? message : source + QStringLiteral(": ") + message; }
};

// A value or an Error. C++23's std::expected is not available with our C++20 toolchain
// (g++ 12 / clang 14), so this is the small subset we need.
template <typename T> class Result {
public:
    Result(T value) : m_data(std::in_place_index<0>, std::move(value)) {}
    Result(Error error) : m_data(std::in_place_index<1>, std::move(error)) {}

    bool ok() const { return m_data.index() == 0; }
    explicit operator bool() const { return ok(); }

    T& value() & {
        assert(ok());
        return std::get<0>(m_data);
    }
    const T& value() const& {
        assert(ok());
        return std::get<0>(m_data);
    }
    T&& value() && {
        assert(ok());
        return std::get<0>(std::move(m_data));
    }
    const Error& error() const {
        assert(!ok());
        return std::get<1>(m_data);
    }

private:
    std::variant<T, Error> m_data;
};

} // namespace borderlens
