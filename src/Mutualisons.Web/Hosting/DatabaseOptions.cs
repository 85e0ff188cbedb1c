namespace Mutualisons.Web.Hosting;

public sealed class DatabaseOptions
{
    public const string Section = "Database";

    /// <summary>Apply pending migrations when the app starts (Development); otherwise run the app with <c>migrate</c>.</summary>
    public bool MigrateOnStart { get; set; }

    /// <summary>Load the notebooks' three labs into an empty database.</summary>
    public bool SeedDemoData { get; set; }

    /// <summary>Password of the demo accounts created with the demo labs (development and demos only).</summary>
    public string? DemoPassword { get; set; }
}
