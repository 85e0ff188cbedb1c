using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Components;
using Mutualisons.Domain.Workshops;
using QRCoder;

namespace Mutualisons.Web.Features.Workshops.Room;

/// <summary>A QR code of a room's join address, for the big screen and the console.</summary>
public partial class JoinQrCode
{
    /// <summary>The absolute join address (…/w/CODE) the code carries.</summary>
    [Parameter, EditorRequired]
    public string JoinUrl { get; set; } = string.Empty;

    private readonly string _titleId = "join-qr-" + Guid.NewGuid().ToString("N")[..8];
    private string _path = string.Empty;
    private int _size;
    private string _code = string.Empty;
    private string _display = string.Empty;
    private string _address = string.Empty;

    protected override void OnParametersSet()
    {
        var url = JoinUrl.Trim();
        // The code is the address's last segment; the typed form is shown in two halves.
        var last = url.TrimEnd('/').Split('/')[^1];
        _code = JoinCode.Normalise(Uri.UnescapeDataString(last)) ?? last;
        _display = JoinCode.Display(_code);
        _address = Uri.TryCreate(url, UriKind.Absolute, out var uri) ? $"{uri.Authority}{RoomRoutes.Join}" : RoomRoutes.Join;
        (_size, _path) = Draw(url);
    }

    /// <summary>The modules as one path of unit squares (quiet zone included): the matrix's side and the path.</summary>
    internal static (int Size, string Path) Draw(string text)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(text, QRCodeGenerator.ECCLevel.M);
        var matrix = data.ModuleMatrix;
        var path = new StringBuilder();
        for (var y = 0; y < matrix.Count; y++)
        {
            var row = matrix[y];
            for (var x = 0; x < row.Length; x++)
            {
                if (!row[x])
                {
                    continue;
                }
                // A run of dark modules on a row is one rectangle.
                var start = x;
                while (x + 1 < row.Length && row[x + 1])
                {
                    x++;
                }
                path.Append(CultureInfo.InvariantCulture, $"M{start} {y}h{x - start + 1}v1h-{x - start + 1}z");
            }
        }
        return (matrix.Count, path.ToString());
    }
}
