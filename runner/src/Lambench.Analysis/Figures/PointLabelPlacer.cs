namespace Lambench.Analysis.Figures;

/// <summary>
/// Places a text label beside each point of a scatter so that no label covers another label or another point, nor
/// leaves the plot area: first right beside the point, then left, above, below and on the diagonals, then further out
/// with a leader line. Where nothing is free, the place with the least overlap. Works in pixels of the plot area
/// (origin at its top left); text is measured at a width per character that DejaVu Sans does not exceed.
/// </summary>
public static class PointLabelPlacer
{
    public const double FontPx = 12;
    private const double CharWidth = 0.62 * FontPx, LineHeight = 1.35 * FontPx, MarkerHalf = 6, Gap = 3;

    /// <returns>per label, the offset of its centre from its point in pixels (y down) and whether it needs a leader line.</returns>
    public static IReadOnlyList<(double Dx, double Dy, bool Leader)> Place(IReadOnlyList<(double X, double Y, string Text)> points, double width, double height)
    {
        var markers = points.Select(p => Box.Around(p.X, p.Y, MarkerHalf, MarkerHalf)).ToList();
        var placed = new List<Box>();
        var result = new List<(double, double, bool)>();
        foreach (var (x, y, text) in points)
        {
            var (w, h) = (text.Length * CharWidth + 4, LineHeight);
            var candidates = Candidates(w, h).Select(c => (c.Dx, c.Dy, c.Leader, Box: Box.Around(x + c.Dx, y + c.Dy, w / 2, h / 2))).ToList();
            var best = candidates.MinBy(c => Overlap(c.Box, placed, markers, width, height));
            placed.Add(best.Box);
            result.Add((best.Dx, best.Dy, best.Leader));
        }

        return result;
    }

    /// <summary>Beside the point first (right, left, above, below, the diagonals), then at two distances with a leader line.</summary>
    private static IEnumerable<(double Dx, double Dy, bool Leader)> Candidates(double w, double h)
    {
        var (halfW, halfH) = (w / 2 + MarkerHalf + Gap, h / 2 + MarkerHalf + Gap);
        (int, int)[] directions = [(1, 0), (-1, 0), (0, -1), (0, 1), (1, -1), (1, 1), (-1, -1), (-1, 1)];
        foreach (var (dx, dy) in directions)
        {
            yield return (dx * halfW, dy * halfH, false);
        }

        foreach (var reach in new[] { 26.0, 52.0 })
        {
            foreach (var (dx, dy) in directions)
            {
                yield return (dx * (halfW + reach), dy * (halfH + reach), true);
            }
        }
    }

    /// <summary>Area covered by other labels and points, plus area outside the plot, weighted so that leaving it is worst.</summary>
    private static double Overlap(Box box, List<Box> placed, List<Box> markers, double width, double height)
    {
        var inside = Box.Intersection(box, new Box(0, 0, width, height));
        var outside = box.Area - inside;
        return placed.Sum(p => Box.Intersection(box, p.Grow(Gap))) + markers.Sum(m => Box.Intersection(box, m)) + 10 * outside;
    }

    private readonly record struct Box(double Left, double Top, double Right, double Bottom)
    {
        public double Area => (Right - Left) * (Bottom - Top);

        public static Box Around(double x, double y, double halfWidth, double halfHeight) => new(x - halfWidth, y - halfHeight, x + halfWidth, y + halfHeight);

        public Box Grow(double by) => new(Left - by, Top - by, Right + by, Bottom + by);

        public static double Intersection(Box a, Box b) =>
            Math.Max(0, Math.Min(a.Right, b.Right) - Math.Max(a.Left, b.Left)) * Math.Max(0, Math.Min(a.Bottom, b.Bottom) - Math.Max(a.Top, b.Top));
    }
}
