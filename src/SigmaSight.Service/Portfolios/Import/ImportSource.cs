namespace SigmaSight.Service.Portfolios.Import;

/// <summary>One CSV to import: the name its errors give (a file name, or the API's part name) and its text.</summary>
public sealed record ImportSource(string Name, TextReader Reader);
