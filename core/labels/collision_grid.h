#pragma once

#include <QRectF>

#include <vector>

namespace borderlens {

// Boxes already taken on the output, bucketed in a coarse grid so that testing a candidate
// looks at its few neighbours, not at every label placed so far.
class CollisionGrid {
public:
    CollisionGrid(const QRectF& frame, double cellPx);

    bool intersectsAny(const QRectF& box) const;
    void insert(const QRectF& box);

private:
    template <typename Visit>
    void forCells(const QRectF& box, Visit visit) const;

    QRectF m_frame;
    double m_cell;
    int m_cols;
    int m_rows;
    std::vector<QRectF> m_boxes;
    std::vector<std::vector<std::size_t>> m_cells; // indices into m_boxes
};

} // namespace borderlens
