extension SitePlan {
    /// The address index of this plan; see `SiteAddresses`.
    func makeAddresses(assets: [String]) -> SiteAddresses {
        var addresses = SiteAddresses()
        for (index, essay) in essays.enumerated() {
            addresses.essays[essay.entry.relativePath] = index
            addresses.essayAtRoute[essay.route.path] = index
            addresses.outputFiles.insert(essay.route.outputFile)
        }
        for (essay, index) in zip(byPath, essayIndex) where index == nil {
            addresses.unpublished.insert(essay.entry.relativePath)
        }
        for entry in staticFiles {
            addresses.files.insert(entry.relativePath)
            addresses.outputFiles.insert(entry.relativePath)
        }
        for file in generatedFiles(assets: assets).keys { addresses.outputFiles.insert(file) }
        for essay in essays {
            for alias in essay.frontMatter.aliases { addresses.outputFiles.insert(alias) }
        }
        addresses.folders[""] = .home
        for section in sections { addresses.folders[section.folder] = section.route }
        for section in sections {
            for page in Swift.stride(from: 1, through: pageCount(section.members.count), by: 1) {
                addresses.outputFiles.insert(page == 1 ? section.route.outputFile
                                                       : section.route.path + "page/\(page)/index.html")
            }
        }
        // A folder whose `index.md` is an essay is linked as that essay's page.
        for (index, essay) in essays.enumerated() {
            let parts = essay.entry.relativePath.split(separator: "/")
            let stem = parts.last.map { $0.split(separator: ".").first ?? "" } ?? ""
            if stem == "index", essay.frontMatter.slug == nil {
                addresses.folders[parts.dropLast().joined(separator: "/")] = essays[index].route
            }
        }
        return addresses
    }
}
