# the recovery contract and the PCIe port driver's recovery
Bjorn Helgaas <bhelgaas@google.com>
linux-pci@vger.kernel.org
# s390's mediated recovery: the fence stays off, the state says DEFERRED
# (the s390 vfio-pci maintainers come with vfio_pci_zdev.c)
Niklas Schnelle <schnelle@linux.ibm.com>
# a KUnit suite of its own
kunit-dev@googlegroups.com
