namespace SigmaSight.Analytics.Pnl;

/// <summary>The close used for a symbol on a date: D's own close, or a stale one from within the window.</summary>
internal readonly record struct QuotedPrice(decimal Close, DateOnly Date, bool IsStale);
