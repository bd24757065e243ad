#pragma once

#include "io/layer_reader.h"

#include <memory>
#include <vector>

namespace borderlens {

// The readers BorderLens knows, tried in order. Tests can build a registry with their own
// (mock) readers; the app uses withDefaultReaders().
class ReaderRegistry {
public:
    static ReaderRegistry withDefaultReaders();

    void add(std::unique_ptr<LayerReader> reader);
    // Reads `path` with the first reader that accepts it.
    Result<LayerList> read(const QString& path) const;

private:
    std::vector<std::unique_ptr<LayerReader>> m_readers;
};

} // namespace borderlens
