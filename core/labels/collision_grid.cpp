#include "labels/collision_grid.h"

#include <algorithm>
#include <cmath>

namespace borderlens {

CollisionGrid::CollisionGrid(const QRectF& frame, double cellPx)
    : m_frame(frame), m_cell(std::max(8.0, cellPx)),
      m_cols(std::max(1, int(std::ceil(frame.width() / m_cell)))),
      m_rows(std::max(1, int(std::ceil(frame.height() / m_cell)))),
      m_cells(std::size_t(m_cols) * std::size_t(m_rows)) {}

template <typename Visit>
void CollisionGrid::forCells(const QRectF& box, Visit visit) const {
    // Boxes partly outside the frame (obstacles at its edge) fall in the border cells.
    const auto clampCol = [&](double x) {
        return std::clamp(int(std::floor((x - m_frame.left()) / m_cell)), 0, m_cols - 1);
    };
    const auto clampRow = [&](double y) {
        return std::clamp(int(std::floor((y - m_frame.top()) / m_cell)), 0, m_rows - 1);
    };
    const int c0 = clampCol(box.left()), c1 = clampCol(box.right());
    const int r0 = clampRow(box.top()), r1 = clampRow(box.bottom());
    for (int r = r0; r <= r1; ++r)
        for (int c = c0; c <= c1; ++c)
            if (visit(std::size_t(r) * std::size_t(m_cols) + std::size_t(c)))
                return;
}

bool CollisionGrid::intersectsAny(const QRectF& box) const {
    bool hit = false;
    forCells(box, [&](std::size_t cell) {
        for (std::size_t i : m_cells[cell])
            if (m_boxes[i].intersects(box)) {
                hit = true;
                return true;
            }
        return false;
    });
    return hit;
}

void CollisionGrid::insert(const QRectF& box) {
    const std::size_t index = m_boxes.size();
    m_boxes.push_back(box);
    forCells(box, [&](std::size_t cell) {
        m_cells[cell].push_back(index);
        return false;
    });
}

} // namespace borderlens
