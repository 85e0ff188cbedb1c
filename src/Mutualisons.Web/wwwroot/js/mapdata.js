// The map of a data set: Leaflet and its marker clusters, loaded from the app's own files (no CDN).
// Names only ever reach the page as text (textContent, title): an entry named <script> stays a name.
const scripts = {};

function loadScript(src) {
    scripts[src] ??= new Promise((resolve, reject) => {
        const script = document.createElement('script');
        script.src = src;
        script.onload = resolve;
        script.onerror = reject;
        document.head.appendChild(script);
    });
    return scripts[src];
}

function loadStyle(href) {
    if (!document.querySelector(`link[href="${href}"]`)) {
        const link = document.createElement('link');
        link.rel = 'stylesheet';
        link.href = href;
        document.head.appendChild(link);
    }
}

export async function loadLeaflet() {
    loadStyle('/lib/leaflet/leaflet.css');
    loadStyle('/lib/leaflet.markercluster/MarkerCluster.css');
    loadStyle('/lib/leaflet.markercluster/MarkerCluster.Default.css');
    await loadScript('/lib/leaflet/leaflet.js');
    await loadScript('/lib/leaflet.markercluster/leaflet.markercluster.js');
    return window.L;
}

function wrap(longitude) {
    let l = longitude;
    while (l > 180) l -= 360;
    while (l < -180) l += 360;
    return l;
}

/** The copy of a longitude nearest the map's centre: a view across the date line draws both sides on screen. */
function near(longitude, centre) {
    return longitude + 360 * Math.round((centre - longitude) / 360);
}

function popup(name) {
    const element = document.createElement('strong');
    element.textContent = name;
    return element;
}

/**
 * Draws a map in element; calls back (south, west, north, east) whenever the view settles. texts holds the
 * zoom buttons' names in the reader's language (zoomIn, zoomOut).
 */
export async function create(element, tileUrl, attribution, onView, texts = {}) {
    const L = await loadLeaflet();
    L.Icon.Default.imagePath = '/lib/leaflet/images/';
    const map = L.map(element, { center: [50.85, 4.35], zoom: 12, worldCopyJump: true, zoomControl: false });
    L.control.zoom({ zoomInTitle: texts.zoomIn || 'Zoom in', zoomOutTitle: texts.zoomOut || 'Zoom out' }).addTo(map);
    const tiles = L.tileLayer(tileUrl, { maxZoom: 19 });
    // The attribution is the setting's text, shown as text.
    tiles.getAttribution = () => attribution.replace(/[&<>"]/g, c => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' }[c]));
    // When tiles cannot load the markers stay: only the background is missing.
    tiles.on('tileerror', () => element.dataset.tilesFailed = 'true');
    tiles.addTo(map);
    const cluster = L.markerClusterGroup();
    map.addLayer(cluster);
    const report = () => {
        const b = map.getBounds();
        const south = Math.max(-90, b.getSouth());
        const north = Math.min(90, b.getNorth());
        if (b.getEast() - b.getWest() >= 360) {
            onView(south, -180, north, 180);
            return;
        }
        // Panned past the date line Leaflet counts on (190°, −200°): brought back within ±180°, a west edge
        // east of the east edge tells the server the view spans the antimeridian.
        onView(south, wrap(b.getWest()), north, wrap(b.getEast()));
    };
    map.on('moveend', report);
    return {
        setPoints(points) {
            cluster.clearLayers();
            const centre = map.getCenter().lng;
            cluster.addLayers(points.map(p => L.marker([p.latitude, near(p.longitude, centre)], { title: p.name, alt: p.name, keyboard: true }).bindPopup(popup(p.name))));
            element.dataset.markers = String(points.length);
        },
        fit(points) {
            if (points.length > 0) {
                map.fitBounds(L.latLngBounds(points.map(p => [p.latitude, p.longitude])), { maxZoom: 15 });
            }
        },
        /** Centres the view on a place (the points follow on the next setPoints). */
        show(latitude, longitude, zoom) {
            map.setView([latitude, longitude], zoom, { animate: false });
        },
        report,
        dispose() { map.remove(); },
    };
}

/** For a Blazor component: the view changes go to its [JSInvokable] OnViewChanged. */
export function createFor(element, tileUrl, attribution, component, texts) {
    return create(element, tileUrl, attribution, (s, w, n, e) => component.invokeMethodAsync('OnViewChanged', s, w, n, e), texts);
}
