/*
 * Aiguillage — progressive enhancements, all optional: every page works without them.
 * - « Autour de moi » (button[data-autour]): the browser's position fills `lat`/`lon`, then the
 *   form is sent;
 * - suggestions of communes for « Où ? » (input[name=ou]) from /api/v1/communes, as an ARIA
 *   combobox; any failure leaves the plain text field;
 * - the tiled map (figure.carte[data-tuiles]): Leaflet replaces the SVG drawing;
 * - « Imprimer » (button[data-imprimer]).
 * No inline script or style (the Content Security Policy forbids them).
 */
(function () {
  'use strict'

  function champCache(form, nom) {
    var champ = form.querySelector('input[type=hidden][name="' + nom + '"]')
    if (!champ) {
      champ = document.createElement('input')
      champ.type = 'hidden'
      champ.name = nom
      form.appendChild(champ)
    }
    return champ
  }

  function retirerCache(form, nom) {
    var champ = form.querySelector('input[type=hidden][name="' + nom + '"]')
    if (champ) champ.parentNode.removeChild(champ)
  }

  /* Autour de moi */
  Array.prototype.forEach.call(document.querySelectorAll('button[data-autour]'), function (bouton) {
    if (!('geolocation' in navigator) || !bouton.form) return
    var form = bouton.form
    var message = bouton.parentNode.querySelector('[data-autour-message]')
    bouton.hidden = false
    bouton.addEventListener('click', function () {
      if (message) message.textContent = 'Recherche de votre position…'
      navigator.geolocation.getCurrentPosition(
        function (position) {
          // about 100 m: enough for distances, no more precise than needed
          champCache(form, 'lat').value = position.coords.latitude.toFixed(3)
          champCache(form, 'lon').value = position.coords.longitude.toFixed(3)
          retirerCache(form, 'commune')
          var ou = form.querySelector('input[name=ou]')
          if (ou) ou.value = ''
          form.submit()
        },
        function () {
          if (message) message.textContent = 'Votre position n’est pas disponible : indiquez une commune ou un code postal.'
        },
        { enableHighAccuracy: false, timeout: 15000, maximumAge: 600000 }
      )
    })
  })

  /* Suggestions de communes */
  Array.prototype.forEach.call(document.querySelectorAll('input[name=ou]'), function (champ) {
    if (!window.fetch || !champ.form) return
    var form = champ.form
    var liste = document.createElement('ul')
    var annonce = document.createElement('span')
    var options = []
    var active = -1
    var attente = 0
    var numero = 0
    liste.id = champ.id + '-suggestions'
    liste.className = 'suggestions'
    liste.setAttribute('role', 'listbox')
    liste.setAttribute('aria-label', 'Communes proposées')
    liste.hidden = true
    annonce.className = 'visuellement-cache'
    annonce.setAttribute('role', 'status')
    champ.parentNode.classList.add('ou')
    champ.parentNode.insertBefore(liste, champ.nextSibling)
    champ.parentNode.appendChild(annonce)
    champ.setAttribute('role', 'combobox')
    champ.setAttribute('aria-autocomplete', 'list')
    champ.setAttribute('aria-expanded', 'false')
    champ.setAttribute('aria-controls', liste.id)
    champ.setAttribute('autocomplete', 'off')

    function fermer() {
      liste.hidden = true
      liste.textContent = ''
      options = []
      active = -1
      champ.setAttribute('aria-expanded', 'false')
      champ.removeAttribute('aria-activedescendant')
    }

    function activer(i) {
      active = i
      options.forEach(function (o, k) {
        o.element.setAttribute('aria-selected', k === i ? 'true' : 'false')
      })
      if (i >= 0) champ.setAttribute('aria-activedescendant', options[i].element.id)
      else champ.removeAttribute('aria-activedescendant')
    }

    function choisir(i) {
      var c = options[i] && options[i].commune
      if (!c) return
      champ.value = c.nom + ' (' + c.departement + ')'
      champCache(form, 'commune').value = c.code
      retirerCache(form, 'lat')
      retirerCache(form, 'lon')
      fermer()
    }

    function montrer(communes) {
      fermer()
      communes.slice(0, 8).forEach(function (c, i) {
        if (!c || typeof c.code !== 'string' || typeof c.nom !== 'string') return
        var li = document.createElement('li')
        li.id = liste.id + '-' + i
        li.setAttribute('role', 'option')
        li.setAttribute('aria-selected', 'false')
        li.textContent = c.nom + ' (' + c.departement + ')' + (c.codesPostaux && c.codesPostaux[0] ? ' — ' + c.codesPostaux[0] : '')
        li.addEventListener('mousedown', function (e) {
          e.preventDefault()
          choisir(i)
        })
        liste.appendChild(li)
        options.push({ element: li, commune: c })
      })
      annonce.textContent = options.length ? options.length + ' communes proposées' : ''
      if (options.length) {
        liste.hidden = false
        champ.setAttribute('aria-expanded', 'true')
      }
    }

    champ.addEventListener('input', function () {
      retirerCache(form, 'commune')
      clearTimeout(attente)
      var texte = champ.value.trim()
      if (texte.length < 2) return fermer()
      attente = setTimeout(function () {
        var ce = ++numero
        fetch('/api/v1/communes?q=' + encodeURIComponent(texte), { headers: { accept: 'application/json' } })
          .then(function (r) {
            return r.ok ? r.json() : []
          })
          .then(function (communes) {
            if (ce === numero && Array.isArray(communes) && document.activeElement === champ) montrer(communes)
          })
          .catch(function () {})
      }, 250)
    })

    champ.addEventListener('keydown', function (e) {
      if (liste.hidden) return
      if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
        e.preventDefault()
        var n = options.length
        activer(e.key === 'ArrowDown' ? (active + 1) % n : (active - 1 + n) % n)
      } else if (e.key === 'Enter' && active >= 0) {
        e.preventDefault()
        choisir(active)
      } else if (e.key === 'Escape') {
        e.preventDefault()
        fermer()
      }
    })
    champ.addEventListener('blur', fermer)
  })

  /* Carte à tuiles */
  var carte = document.querySelector('figure.carte[data-tuiles]')
  if (carte && carte.dataset.leaflet) {
    var style = document.createElement('link')
    style.rel = 'stylesheet'
    style.href = carte.dataset.leafletCss
    document.head.appendChild(style)
    var script = document.createElement('script')
    script.src = carte.dataset.leaflet
    script.onload = function () {
      construireCarte(carte)
    }
    document.head.appendChild(script)
  }

  function construireCarte(figure) {
    var L = window.L
    var points
    try {
      points = JSON.parse(figure.dataset.points || '[]')
    } catch (e) {
      return
    }
    if (!L || !points.length) return
    var conteneur = document.createElement('div')
    conteneur.className = 'carte-tuiles'
    conteneur.setAttribute('role', 'region')
    conteneur.setAttribute('aria-label', 'Carte des lieux de cette page (la liste qui suit donne les mêmes lieux)')
    figure.insertBefore(conteneur, figure.firstChild)
    var dessin = figure.querySelector('svg')
    if (dessin) dessin.setAttribute('hidden', '')
    var carteL = L.map(conteneur, { scrollWheelZoom: false, attributionControl: false })
    L.control.attribution({ prefix: false }).addTo(carteL)
    L.tileLayer(figure.dataset.tuiles, { attribution: figure.dataset.attribution || '', maxZoom: 19 }).addTo(carteL)
    var limites = []
    if (figure.dataset.centre) {
      var centre = figure.dataset.centre.split(',').map(Number)
      L.circleMarker(centre, { radius: 7, color: '#fff', weight: 2, fillColor: '#a4001f', fillOpacity: 1 }).addTo(carteL)
      limites.push(centre)
    }
    points.forEach(function (p) {
      var lien = document.createElement('a')
      lien.href = p[4]
      lien.textContent = p[2] + '. ' + p[3]
      L.circleMarker([p[0], p[1]], { radius: 11, color: '#fff', weight: 2, fillColor: '#0b3a66', fillOpacity: 1 })
        .bindTooltip(String(p[2]), { permanent: true, direction: 'center', className: 'carte-rang' })
        .bindPopup(lien)
        .addTo(carteL)
      limites.push([p[0], p[1]])
    })
    carteL.fitBounds(limites, { padding: [24, 24], maxZoom: 16 })
    figure.classList.add('carte-chargee')
  }

  /* Imprimer */
  Array.prototype.forEach.call(document.querySelectorAll('button[data-imprimer]'), function (bouton) {
    bouton.hidden = false
    bouton.addEventListener('click', function () {
      window.print()
    })
  })
})()
