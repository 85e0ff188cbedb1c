// A published map's public page: its markers for the page's filter (category and name), read from the server
// by the same rules as the list. The list is in the page already, so the page stays useful when scripts or
// tiles fail.
import { create } from './mapdata.js';

const element = document.getElementById('public-map');
if (element) {
    const { points: url, tiles, attribution, zoomIn, zoomOut } = element.dataset;
    const map = await create(element, tiles, attribution, () => { }, { zoomIn, zoomOut });
    const response = await fetch(url);
    if (response.ok) {
        const points = (await response.json()).map(p => ({ name: String(p.name), latitude: p.latitude, longitude: p.longitude }));
        map.setPoints(points);
        map.fit(points);
    }
}
