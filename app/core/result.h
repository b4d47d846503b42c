#pragma once

#include "error.h"

#include <utility>
#include <variant>

namespace nt {

// A value or an Error. Small on purpose: ok(), value(), error().
template <typename T>
class Result
{
public:
    Result(T value) : m_data(std::move(value)) {}
    Result(Error error) : m_data(std::move(error)) {}

    bool ok() const { return std::holds_alternative<T>(m_data); }
    explicit operator bool() const { return ok(); }

    const T &value() const & { return std::get<T>(m_data); }
    T &value() & { return std::get<T>(m_data); }
    T &&value() && { return std::get<T>(std::move(m_data)); }

    Error error() const { return ok() ? Error{} : std::get<Error>(m_data); }

private:
    std::variant<T, Error> m_data;
};

} // namespace nt
