// Errors as values: the core never throws across a stage boundary and never
// prints; cli/ turns an Error into a message and an exit code.
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <variant>

namespace annals {

enum class ErrorCode {
  io,          // cannot open, read or write a file
  bad_input,   // the bytes are not a text article we can read
  bad_value,   // a malformed option value (a date, a format name)
  bad_data,    // a malformed graph JSON, store or resource file
  not_found,   // a query named something that is not there
  ambiguous,   // a query matched several things where one was needed
};

struct Error {
  ErrorCode code = ErrorCode::bad_input;
  std::string where;    // file name, option name or resource "file:line"
  std::string message;  // one line, no trailing period

  std::string to_string() const {
    return where.empty() ? message : where + ": " + message;
  }
};

template <typename T>
class Result {
 public:
  Result(T value) : state_(std::move(value)) {}
  Result(Error error) : state_(std::move(error)) {}

  bool ok() const { return std::holds_alternative<T>(state_); }
  explicit operator bool() const { return ok(); }
  T& value() { return std::get<T>(state_); }
  const T& value() const { return std::get<T>(state_); }
  T& operator*() { return value(); }
  const T& operator*() const { return value(); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }
  const Error& error() const { return std::get<Error>(state_); }

 private:
  std::variant<T, Error> state_;
};

// For operations that produce nothing but may fail.
struct Done {};
using Status = Result<Done>;
inline Status ok_status() { return Done{}; }

}  // namespace annals
