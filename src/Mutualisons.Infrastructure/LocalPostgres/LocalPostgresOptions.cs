namespace Mutualisons.Infrastructure.LocalPostgres;

/// <summary>
/// A PostgreSQL cluster the app starts from the machine's installed binaries, so a developer needs no
/// Docker and no server set up by hand. Meant for development and tests only.
/// </summary>
public sealed class LocalPostgresOptions
{
    public const string Section = "LocalPostgres";

    public bool Enabled { get; set; }

    /// <summary>Folder of the cluster; relative paths are taken from the app's content root.</summary>
    public string DataDirectory { get; set; } = "../../.data/postgres";

    public int Port { get; set; } = 55432;

    public string Database { get; set; } = "mutualisons";

    /// <summary>Folder of initdb and pg_ctl; found under /usr/lib/postgresql when empty.</summary>
    public string? BinDirectory { get; set; }

    /// <summary>Off for clusters thrown away after a test run; never off for data someone keeps.</summary>
    public bool Durable { get; set; } = true;
}
