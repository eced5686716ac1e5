// Demo stand-in for the storefront's product template: `?sku=` picks which product this page
// shows (the account's "Buy again" links carry it), and the reviews element follows it.
(function () {
  var products = {
    'BOTTLE-INS-750': ['Insulated Bottle 750 ml', 'Glacier', '€29.00', 'insulated-bottle', 'Double-walled steel that keeps water cold for a whole day on the trail, and coffee hot until the summit.'],
    'SUN-POL-TORT': ['Polarised Sunglasses', 'Tortoise', '€65.00', 'polarised-sunglasses', 'Polarised lenses that cut the glare off snow and water, in a light frame that stays put.'],
    'PACK-ROLL-20': ['Roll-top Daypack 20 L', 'Olive', '€89.00', 'rolltop-daypack', 'A waterproof roll-top that fits a laptop, lunch and a spare layer.'],
    'MER-CREW-FG-M': ['Merino Crew Sweater', 'Forest Green', '€89.00', 'merino-sweater', 'Fine merino wool that breathes on the climb and keeps you warm at the summit.'],
    'TRAIL-RUN-SL-42': ['Trail Running Shoes', 'Slate', '€119.00', 'trail-running-shoes', 'Grippy, light and quick to dry, for long days on rough ground.']
  };
  var sku = new URLSearchParams(location.search).get('sku');
  var p = sku && products[sku];
  if (!p) return;
  document.title = p[0] + ' · Aurora Outfitters';
  document.getElementById('product-name').textContent = p[0];
  document.getElementById('product-price').textContent = p[2] + ' · ' + p[1];
  document.getElementById('product-about').textContent = p[4] + ' Free returns within 30 days.';
  var img = document.getElementById('product-image');
  img.src = '/img/' + p[3] + '.svg';
  img.alt = p[0] + ' in ' + p[1].toLowerCase();
  document.querySelector('aftercare-reviews').setAttribute('product', sku);
})();
