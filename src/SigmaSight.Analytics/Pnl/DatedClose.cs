namespace SigmaSight.Analytics.Pnl;

/// <summary>A close and the date it was recorded.</summary>
public readonly record struct DatedClose(DateOnly Date, decimal Close);
