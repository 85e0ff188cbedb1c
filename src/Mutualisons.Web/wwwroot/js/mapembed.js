// A published map's public page: its markers from the public GeoJSON. The list is in the page already,
// so the page stays useful when scripts or tiles fail.
import { create } from './mapdata.js';

const element = document.getElementById('public-map');
if (element) {
    const { geojson, tiles, attribution, search } = element.dataset;
    const map = await create(element, tiles, attribution, () => { });
    const response = await fetch(geojson);
    if (response.ok) {
        const collection = await response.json();
        const wanted = (search || '').toLocaleLowerCase();
        const points = collection.features
            .filter(f => !wanted || String(f.properties.name).toLocaleLowerCase().includes(wanted))
            .map(f => ({ name: String(f.properties.name), latitude: f.geometry.coordinates[1], longitude: f.geometry.coordinates[0] }));
        map.setPoints(points);
        map.fit(points);
    }
}
