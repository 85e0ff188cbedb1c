namespace Mutualisons.Infrastructure.Email;

/// <summary>A mail kept in the database instead of being sent (development), readable by the administrator.</summary>
public sealed class OutboxEmail
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public string To { get; set; } = string.Empty;

    public string Subject { get; set; } = string.Empty;

    public string HtmlBody { get; set; } = string.Empty;

    /// <summary>The plain-text part, when the mail has one.</summary>
    public string? TextBody { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}
